// A journey: one server, one browser page, steps that run in order and share state.
const { attachServer, startServer } = require('./server.cjs');
const { launchBrowser, saveFailureArtifacts } = require('./browser.cjs');

const STORE_URL = /\/stores\/([0-9a-f-]{36})$/;

/**
 * Call inside a describe block; registers the hooks and returns `step` and the shared state.
 * `env` goes to a server of the journey's own (see startServer); `viewport` is the page's size, `touch` makes it a
 * phone's (touch events, mobile viewport). `live: false` keeps the pages' live-updates socket
 * from reaching the server (a journey that counts the token refreshes of its requests: the
 * socket renews an expiring token by itself). `fullBrowser` runs it in the full chromium even
 * where the headless shell is installed (support/browser.cjs). `browserArgs()` gives more
 * chromium switches, asked for when the browser starts (after the journey's earlier hooks).
 * `serviceWorkers: 'block'` keeps the SPA's service worker out (a journey about a first visit,
 * when no screen's code is on the device yet).
 */
function useJourney({
  env,
  viewport = { width: 1280, height: 860 },
  touch = false,
  live = true,
  fullBrowser = false,
  browserArgs = () => [],
  serviceWorkers = 'allow',
} = {}) {
  const ctx = {
    server: undefined,
    browser: undefined,
    context: undefined,
    page: undefined,
    traffic: { refreshes: 0, unauthorized: [], authCalls: [], recent: [] },
  };
  let failed = false;

  beforeAll(async () => {
    // A journey that sets the server's environment gets a server of its own; the others share
    // the one the global setup started.
    ctx.server = (!env && attachServer()) || (await startServer({ env }));
    ctx.browser = await launchBrowser({ full: fullBrowser, args: browserArgs() });
    // A context of its own, so a test can open a second tab that shares its cookies.
    ctx.context = await ctx.browser.newContext({
      viewport,
      hasTouch: touch,
      isMobile: touch,
      serviceWorkers,
    });
    if (!live) await ctx.context.routeWebSocket(/\/api\/v1\/ws$/, (ws) => ws.close());
    const page = await ctx.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (pathname.startsWith('/api/v1/auth/')) ctx.traffic.authCalls.push(pathname.slice(13));
      if (pathname === '/api/v1/auth/refresh') ctx.traffic.refreshes += 1;
    });
    page.on('response', (res) => {
      const { pathname } = new URL(res.url());
      if (res.status() === 401) ctx.traffic.unauthorized.push(pathname);
      if (pathname.startsWith('/api/')) {
        // The last API answers go into the failure report: CI keeps the console, not files.
        ctx.traffic.recent.push(`${res.request().method()} ${pathname} → ${res.status()}`);
        if (ctx.traffic.recent.length > 12) ctx.traffic.recent.shift();
      }
    });
    ctx.page = page;
  });

  afterAll(async () => {
    // The server allows 20 auth requests per IP per 15 minutes: a journey must stay under it.
    const calls = ctx.traffic.authCalls;
    console.log(`Auth calls (${calls.length}): ${calls.join(' ')}`);
    await ctx.browser?.close();
    await ctx.server?.stop();
  });

  /** After a failure the remaining steps stop early instead of piling up noise. */
  function step(name, fn) {
    test(name, async () => {
      if (failed) throw new Error('Skipped: an earlier step failed');
      try {
        await fn();
      } catch (err) {
        failed = true;
        const base = await saveFailureArtifacts(ctx.page, name, ctx.server?.log());
        const alerts = await ctx.page
          ?.getByRole('alert')
          .allInnerTexts()
          .catch(() => []);
        console.error(
          [
            `Failure artifacts: ${base}.png (and .server.log)`,
            `URL: ${ctx.page?.url()}`,
            `Alerts on the page: ${JSON.stringify(alerts ?? [])}`,
            `Last API responses:\n  ${ctx.traffic.recent.join('\n  ')}`,
            `Server log (tail):\n${(ctx.server?.log() ?? '').split('\n').slice(-25).join('\n')}`,
          ].join('\n'),
        );
        throw err;
      }
    });
  }

  return { ctx, step };
}

/** Locators the way a user (and a screen reader) finds things. */
function screen(ctx) {
  const page = () => ctx.page;
  return {
    heading: (name) => page().getByRole('heading', { level: 1, name }),
    field: (label) => page().getByLabel(label, { exact: true }),
    status: (text) => page().getByRole('status').filter({ hasText: text }),
    alert: (text) => page().getByRole('alert').filter({ hasText: text }),
    storeTab: (name) =>
      page().getByRole('navigation', { name: 'Store sections' }).getByRole('link', { name }),
    selectedStoreName: () =>
      page()
        .getByLabel('Store', { exact: true })
        .evaluate((select) => select.selectedOptions[0]?.textContent ?? ''),
  };
}

/** Registers through the form with a first store; resolves once that store's page is open. */
async function registerWithStore(ctx, user, storeName) {
  const { page } = ctx;
  const { heading, field } = screen(ctx);
  await page.goto(`${ctx.server.baseUrl}/register`);
  await heading('Create your account').waitFor();
  await field('Name').fill(user.name);
  await field('Email').fill(user.email);
  await field('Password').fill(user.password);
  await field('Store name (optional)').fill(storeName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(STORE_URL);
  return STORE_URL.exec(new URL(page.url()).pathname)[1];
}

/** Signs in through the form; resolves once the first store's page is open. */
async function signIn(ctx, user) {
  const { page } = ctx;
  const { heading, field } = screen(ctx);
  await page.goto(`${ctx.server.baseUrl}/login`);
  await heading('Sign in to Nimbus').waitFor();
  await field('Email').fill(user.email);
  await field('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(STORE_URL);
  return STORE_URL.exec(new URL(page.url()).pathname)[1];
}

module.exports = { useJourney, screen, registerWithStore, signIn, STORE_URL };
