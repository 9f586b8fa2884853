// Two tabs of one browser watch the products while their access tokens expire every 4 seconds.
// Each tab keeps the one WebSocket it opened: the token is renewed before it expires (by one tab,
// the other taking the new token over) and sent on the open socket, so the server never closes
// it (4001) and no subscription is dropped; a change made elsewhere many lifetimes later still
// shows in both. The server's grace window for a just-rotated refresh token is off: two tabs
// sending the same one would end the session.
const crypto = require('node:crypto');
const { apiAs, signIn: apiSignIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const TTL_SECONDS = 4;
const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Kofi Asante', email: `kofi.${run}@example.com`, password: 'Two-Tills-64' };

describeWithBrowser('Nimbus web: live tabs across token renewals', () => {
  const { ctx, step } = useJourney({
    env: { ACCESS_TOKEN_TTL: String(TTL_SECONDS), REFRESH_REUSE_GRACE_SECONDS: '0' },
  });
  const { heading, storeTab } = screen(ctx);
  const refreshes = [];
  /** Per tab, the WebSockets it opened, with the JSON messages each sent and received. */
  const sockets = new Map();
  let tabs;
  let storeId;
  let leeks;

  function track(page) {
    const opened = [];
    sockets.set(page, opened);
    page.on('websocket', (ws) => {
      const socket = { ws, sent: [], received: [], closed: false };
      ws.on('framesent', ({ payload }) => socket.sent.push(JSON.parse(String(payload))));
      ws.on('framereceived', ({ payload }) => socket.received.push(JSON.parse(String(payload))));
      ws.on('close', () => (socket.closed = true));
      opened.push(socket);
    });
  }
  const live = (page) =>
    page
      .getByRole('navigation', { name: 'Store sections' })
      .getByRole('status')
      .filter({ hasText: 'Live updates: Live' });
  const leekCell = (page, quantity) =>
    page
      .getByRole('table', { name: 'Products' })
      .getByRole('row')
      .filter({ hasText: leeks.name })
      .getByRole('cell', { name: String(quantity), exact: true });
  const authTokens = (socket) => socket.sent.filter((m) => m.type === 'auth').map((m) => m.token);

  beforeAll(async () => {
    const api = await apiAs(ctx.server.baseUrl, user, 'Asante Fresh');
    storeId = api.storeId;
    leeks = await api.createProduct({
      name: 'Leek bundle',
      sku: 'VEG-LEEK',
      price: 2.4,
      reorderPoint: 2,
      initialQuantity: 20,
    });
    ctx.context.on('response', (res) => {
      if (new URL(res.url()).pathname === '/api/v1/auth/refresh') refreshes.push(res.status());
    });
    track(ctx.page);
  });

  step('when the user opens the products in two tabs, then both are live', async () => {
    await signIn(ctx, user);
    await storeTab('Products').click();
    await heading('Products').waitFor();
    const second = await ctx.context.newPage();
    second.setDefaultTimeout(15_000);
    track(second);
    await second.goto(`${ctx.server.baseUrl}/stores/${storeId}/products`);
    tabs = [ctx.page, second];
    for (const page of tabs) {
      await leekCell(page, 20).waitFor();
      await live(page).waitFor();
    }
    // (The sign-in page's try at restoring a session found no cookie: 401.)
    refreshes.length = 0;
  });

  step(
    'when four token lifetimes pass, then each tab is still on its first socket, renewed in place',
    async () => {
      await ctx.page.waitForTimeout(4 * TTL_SECONDS * 1000 + 500);
      const [first, second] = tabs.map((page) => sockets.get(page));
      for (const opened of [first, second]) {
        // One socket, still open: a 4001 close would have meant a second one.
        expect(opened.map((socket) => socket.closed)).toEqual([false]);
        const [socket] = opened;
        // A new token on the socket for each lifetime, each answered with a welcome.
        const tokens = authTokens(socket);
        expect(new Set(tokens).size).toBeGreaterThanOrEqual(4);
        expect(socket.received.filter((m) => m.type === 'welcome')).toHaveLength(tokens.length);
        expect(socket.received.filter((m) => m.type === 'error')).toEqual([]);
      }
      // One renewal serves both tabs: each token since the second tab opened went on both
      // sockets (one tab renewed it, the other took it over).
      const [ones, twos] = [authTokens(first[0]), authTokens(second[0])];
      expect(ones.slice(ones.indexOf(twos[0]))).toEqual(twos);
      expect(refreshes.length).toBeGreaterThanOrEqual(4);
      expect(refreshes.filter((status) => status !== 200)).toEqual([]);
      for (const page of tabs) await live(page).waitFor();
    },
  );

  step('when stock changes elsewhere, then both tabs show it by themselves', async () => {
    const api = await apiSignIn(ctx.server.baseUrl, user);
    await api('POST', `/stores/${storeId}/sales`, {
      items: [{ productId: leeks.id, quantity: 3 }],
    });
    for (const page of tabs) await leekCell(page, 17).waitFor();
    for (const page of tabs) {
      const opened = sockets.get(page);
      expect(opened.map((socket) => socket.closed)).toEqual([false]);
      expect(opened[0].received.some((m) => m.type === 'sale.recorded')).toBe(true);
    }
  });
});
