/**
 * The order API test files start in. With no timings cached (a fresh clone, as in CI), jest
 * starts the largest files first, and a few small but slow files (the fuzzer, the processes
 * spawned by the shutdown and socket tests) began last and ran alone at the end. These start
 * first, the longest first (durations from a full CI run, 2026-12-07, 161 files); the rest follow as jest
 * orders them. A file missing from the list only starts later, nothing fails.
 */
const Sequencer = require('@jest/test-sequencer').default;

const SLOW_FIRST = [
  'ops/shutdown.test.ts',
  'http/contract-fuzz.test.ts',
  'modules/products/import/import-format.test.ts',
  'modules/products/import/import-export.test.ts',
  'modules/invoices/invoices-ocr.test.ts',
  'modules/invoices/ocr-accuracy.test.ts',
  'modules/forecasting/forecast/forecast.test.ts',
  'modules/invoices/invoices-upload.test.ts',
  'files/pdf/pdf-scan.test.ts',
  'modules/purchasing/order-sending.test.ts',
  'modules/labels/labels.test.ts',
  'modules/shopping-lists/items.test.ts',
  'http/rate-limits.test.ts',
  'db/connection-loss.test.ts',
  'modules/events/socket-process.test.ts',
  'modules/invoices/invoices-concurrency.test.ts',
  'modules/shopping-lists/optimize-criteria.test.ts',
  'modules/notifications/notifications.test.ts',
  'modules/forecasting/recalculate-once.test.ts',
];

const rank = (path) => {
  const at = SLOW_FIRST.findIndex((slow) => path.endsWith(`/src/${slow}`));
  return at === -1 ? SLOW_FIRST.length : at;
};

class SlowFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests);
    // Array.prototype.sort is stable: the files not listed keep jest's order.
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SlowFirst;
