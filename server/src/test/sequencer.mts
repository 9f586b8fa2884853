import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files start first, so the last minutes are not one long file on one worker
 * while the others idle. Vitest's own order (the previous run's durations, kept in its cache)
 * applies to the rest; a fresh clone has no cache, hence this list.
 */
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

const rank = (file: string) => {
  const at = SLOW_FIRST.findIndex((slow) => file.endsWith(`/src/${slow}`));
  return at === -1 ? SLOW_FIRST.length : at;
};

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    // Array.prototype.sort is stable: the files not listed keep Vitest's order.
    return [...ordered].sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
  }
}
