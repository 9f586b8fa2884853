// axe-core in the page under test: each screen a journey shows is checked (in the light colour
// scheme unless asked for both) and any serious or critical violation fails the step with a
// readable list. Every screen of the SPA is checked in both schemes, at desktop and phone size, by
// one journey of its own (axe-sweep.e2e.test.cjs), so the others need not pay for the dark pass.
const fs = require('node:fs');

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses a
// script tag, and rightly so.
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BLOCKING = new Set(['serious', 'critical']);
/** The journeys' default: light only. `{ schemes: BOTH_SCHEMES }` adds the dark pass. */
const LIGHT_ONLY = ['light'];
const BOTH_SCHEMES = ['light', 'dark'];
/**
 * What a colour scheme can change: colours. The light pass runs every rule; another scheme
 * reruns only the rules that measure colour (the structure, names and roles are the same
 * whatever the scheme), which halves the time a journey spends in axe.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One violation as a person reads it: the rule, where to read about it, and where it is. */
function describeViolation(violation) {
  const nodes = violation.nodes.slice(0, 5).map((node) => {
    const summary = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
    return `    at ${node.target}\n      ${node.html.slice(0, 160)}\n      ${summary}`;
  });
  const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
  return [
    `  [${violation.impact}] ${violation.id}: ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
    ...more,
  ].join('\n');
}

/**
 * Waits for the page's running finite animations and transitions to finish (at most 2 s), one
 * frame after a style change has started them. Endless ones (a spinner) are not waited for.
 */
async function settleTransitions(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        // Runs in the page: globalThis is its window.
        const { document, requestAnimationFrame } = globalThis;
        requestAnimationFrame(() => {
          const finite = document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
          const cap = setTimeout(resolve, 2000);
          Promise.all(finite.map((a) => a.finished.catch(() => undefined))).then(() => {
            clearTimeout(cap);
            resolve();
          });
        });
      }),
  );
}

/** Every violation axe finds on the page (or inside `selector`). */
async function runAxe(page, selector, rules) {
  // These callbacks run in the page: globalThis is its window.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate(
    async (context) => {
      const { axe, document } = globalThis;
      const result = await axe.run(
        context.selector ? document.querySelector(context.selector) : document,
        {
          resultTypes: ['violations'],
          ...(context.rules ? { runOnly: { type: 'rule', values: context.rules } } : {}),
        },
      );
      return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
        id,
        impact,
        help,
        helpUrl,
        nodes: nodes.map(({ target, html, failureSummary }) => ({
          target: target.join(' '),
          html,
          failureSummary,
        })),
      }));
    },
    { selector: selector ?? null, rules: rules ?? null },
  );
}

/**
 * Checks the screen on show (`label` says which, for the report) in each of `schemes` (the
 * light one by default) and throws when axe finds a serious or critical violation; `selector`
 * narrows it to one part. Leaves the page in the light scheme and returns every violation found
 * (any impact).
 */
async function expectAccessible(page, label, { selector, schemes = LIGHT_ONLY } = {}) {
  const problems = [];
  const found = [];
  try {
    for (const [i, colorScheme] of schemes.entries()) {
      // The page is in the light scheme already (each check leaves it so): no switch to make.
      if (colorScheme !== 'light') await page.emulateMedia({ colorScheme });
      // Colours are measured once they have settled: a button's colour transition started by
      // a scheme switch or a hover would otherwise be measured halfway.
      await settleTransitions(page);
      const started = Date.now();
      const violations = await runAxe(page, selector, i === 0 ? undefined : COLOUR_RULES);
      expectAccessible.ms[colorScheme] =
        (expectAccessible.ms[colorScheme] ?? 0) + Date.now() - started;
      found.push(...violations);
      const blocking = violations.filter((v) => BLOCKING.has(v.impact));
      if (blocking.length) {
        problems.push(`${colorScheme} scheme:\n${blocking.map(describeViolation).join('\n')}`);
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expectAccessible.checked.add(label);
  if (problems.length) {
    throw new Error(
      `axe found serious or critical violations on ${label}:\n${problems.join('\n')}`,
    );
  }
  return found;
}

/** The screens checked so far in this test file, for a journey's closing log line. */
expectAccessible.checked = new Set();
/** Milliseconds spent in axe so far in this test file, by colour scheme. */
expectAccessible.ms = {};

module.exports = { expectAccessible, BOTH_SCHEMES };
