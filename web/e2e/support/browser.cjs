// Debian's chromium driven by playwright-core: no Playwright browser download, ever.
const fs = require('node:fs');
const path = require('node:path');

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Debian's chromium-headless-shell, when installed, drives every journey that needs nothing
// only the full browser has: the same Blink, without the full browser's UI process (what
// Playwright itself runs headless; a journey took about 20% less CPU). The full browser is
// still what a journey asking for it gets (Web Push: the shell has no push service).
const shellPath =
  process.env.CHROMIUM_HEADLESS_SHELL_PATH ||
  (process.env.CHROMIUM_PATH ? undefined : '/usr/bin/chromium-headless-shell');
const artifactsDir = path.join(__dirname, '..', 'artifacts');

/** `describe` when chromium is installed; a loud failure on CI, a clear skip elsewhere. */
function describeWithBrowser(name, body) {
  if (fs.existsSync(executablePath)) return describe(name, body);
  const message = `Chromium not found at ${executablePath} (set CHROMIUM_PATH or apt-get install chromium).`;
  if (process.env.CI) throw new Error(`${message} Browser tests cannot run on CI without it.`);
  console.warn(`Skipping browser tests "${name}": ${message}`);
  return describe.skip(name, body);
}

/**
 * `full`: the full browser even when the headless shell is installed; `args`: more chromium
 * switches (a fake camera).
 */
async function launchBrowser({ full = false, args = [] } = {}) {
  const { chromium } = require('playwright-core');
  const shell = !full && shellPath && fs.existsSync(shellPath) ? shellPath : undefined;
  return chromium.launch({
    executablePath: shell ?? executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
}

async function saveFailureArtifacts(page, name, serverLog) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const base = path.join(artifactsDir, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  if (page && !page.isClosed()) {
    await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
  }
  if (serverLog) fs.writeFileSync(`${base}.server.log`, serverLog);
  return base;
}

module.exports = { describeWithBrowser, launchBrowser, saveFailureArtifacts, artifactsDir };
