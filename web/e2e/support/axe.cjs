// Functions passed to page.evaluate run in the browser:
/* global window, document, requestAnimationFrame */
// axe-core in the page under test: each screen a journey shows is checked in the light and the
// dark colour scheme, and any serious or critical violation fails the step with a readable list.
const fs = require('node:fs');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const SCHEMES = ['light', 'dark'];

/** One violation as a person reads it: the rule, what to do, and where. */
function describeViolation(violation) {
  const nodes = violation.nodes.slice(0, 5).map((node) => {
    const summary = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
    return `    at ${node.target.join(' ')}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
  });
  const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
  return [
    `  [${violation.impact}] ${violation.id}: ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
    ...more,
  ].join('\n');
}

async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays as it is.
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({
        target: target.map(String),
        html,
        failureSummary,
      })),
    }));
  });
}

/**
 * Checks the screen on show (`name` says which, for the report) in each colour scheme and throws
 * when axe finds a serious or critical violation. Leaves the page in the light scheme.
 */
async function expectAccessible(page, name, { schemes = SCHEMES } = {}) {
  const problems = [];
  try {
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      // Let the new scheme's styles apply (and any transition settle) before measuring colours.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 250))),
      );
      const violations = (await runAxe(page)).filter((v) => FAILING_IMPACTS.has(v.impact));
      if (violations.length) {
        problems.push(`${colorScheme} scheme:\n${violations.map(describeViolation).join('\n')}`);
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expectAccessible.checked.add(name);
  if (problems.length) {
    throw new Error(`axe found accessibility violations on "${name}":\n${problems.join('\n')}`);
  }
}

/** The screens checked so far in this test file, for the journey's closing log line. */
expectAccessible.checked = new Set();

module.exports = { expectAccessible };
