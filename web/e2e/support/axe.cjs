// axe-core in the page under test: 0 serious or critical violations, or a readable failure.
const fs = require('node:fs');

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses a
// script tag, and rightly so.
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page (or on `selector`) and fails on serious and critical violations. */
async function expectAccessible(page, label, { selector } = {}) {
  // These callbacks run in the page: globalThis is its window.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (context) => {
    const { axe, document } = globalThis;
    const result = await axe.run(context ? document.querySelector(context) : document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, selector ?? null);
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  if (blocking.length) {
    const lines = blocking.map(
      (v) => `  ${v.impact} ${v.id}: ${v.help}\n    ${v.targets.join('\n    ')}`,
    );
    throw new Error(`axe on ${label}: ${blocking.length} serious/critical\n${lines.join('\n')}`);
  }
  return violations;
}

module.exports = { expectAccessible };
