// A journey: one server, one browser page, steps that run in order and share state.
const { startServer } = require('./server.cjs');
const { launchBrowser, saveFailureArtifacts } = require('./browser.cjs');

/** Call inside a describe block; registers the hooks and returns `step` and the shared state. */
function useJourney() {
  const ctx = {
    server: undefined,
    browser: undefined,
    page: undefined,
    traffic: { refreshes: 0, unauthorized: [], authCalls: [] },
  };
  let failed = false;

  beforeAll(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(15_000);
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (pathname.startsWith('/api/v1/auth/')) ctx.traffic.authCalls.push(pathname.slice(13));
      if (pathname === '/api/v1/auth/refresh') ctx.traffic.refreshes += 1;
    });
    page.on('response', (res) => {
      if (res.status() === 401) ctx.traffic.unauthorized.push(new URL(res.url()).pathname);
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
        console.error(`Failure artifacts: ${base}.png (and .server.log)`);
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

module.exports = { useJourney, screen };
