// Two people in one store, each in their own browser: the owner watches the product list and
// the sales while a clerk rings up sales at the till. The owner's screens change by themselves
// (issue 19: "another user sold 3 broccoli and the product list still showed the old stock
// 40 seconds later"), over the one WebSocket the header says is live, and so do the Alerts
// tab's count and the bell when a sale takes stock below its reorder point. Signing out closes
// that socket; the next user to sign in on the page gets a socket of their own.
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = {
  name: 'Ines Duarte',
  email: `ines.${run}@example.com`,
  password: 'Green-Grocer-42',
};
const clerk = { name: 'Tomas Berg', email: `tomas.${run}@example.com`, password: 'Till-Shift-77' };
const storeName = 'Duarte Greens';
const SCAN_LABEL = 'Scan or search products';

describeWithBrowser('Nimbus web: screens that update live', () => {
  const { ctx, step } = useJourney();
  const { heading, storeTab } = screen(ctx);
  const latencies = [];
  let storeUrl;
  let storeId;
  let till;
  let broccoli;

  const live = (page) =>
    page
      .getByRole('navigation', { name: 'Store sections' })
      .getByRole('status')
      .filter({ hasText: 'Live updates: Live' });
  const alertsTab = (page) =>
    page.getByRole('navigation', { name: 'Store sections' }).getByRole('link', { name: /^Alerts/ });
  const bell = (page) => page.getByRole('link', { name: /^Notifications/ });
  const productRow = (name) =>
    ctx.page.getByRole('table', { name: 'Products' }).getByRole('row').filter({ hasText: name });

  /** The clerk sells `quantity` of a product at the till; resolves once the sale is recorded. */
  async function sell(sku, quantity) {
    const scan = till.getByLabel(SCAN_LABEL, { exact: true });
    await scan.fill(sku);
    await scan.press('Enter');
    const line = till.getByLabel(`Quantity of ${broccoli.name}`, { exact: true });
    await line.fill(String(quantity));
    await till.getByRole('button', { name: 'Complete sale' }).click();
    await till.getByRole('status').filter({ hasText: 'Sale recorded' }).waitFor();
    return Date.now();
  }

  // The owner's page's WebSockets, with the messages each sent and received (JSON).
  const sockets = [];
  const frames = (socket, type) => socket.messages.filter((m) => m.type === type);
  async function until(check, what) {
    for (const deadline = Date.now() + 10_000; !check();) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await ctx.page.waitForTimeout(50);
    }
  }

  beforeAll(async () => {
    ctx.page.on('websocket', (ws) => {
      const socket = { ws, sent: [], received: [], closed: false };
      const parse = (payload) => JSON.parse(String(payload));
      ws.on('framesent', ({ payload }) => socket.sent.push(parse(payload)));
      ws.on('framereceived', ({ payload }) => socket.received.push(parse(payload)));
      ws.on('close', () => (socket.closed = true));
      Object.defineProperty(socket, 'messages', {
        get: () => [...socket.sent, ...socket.received],
      });
      sockets.push(socket);
    });
    const api = await apiAs(ctx.server.baseUrl, owner, storeName);
    storeId = api.storeId;
    storeUrl = `${ctx.server.baseUrl}/stores/${storeId}`;
    broccoli = await api.createProduct({
      name: 'Broccoli crown',
      sku: 'VEG-BROC',
      price: 1.9,
      reorderPoint: 6,
      initialQuantity: 8,
    });
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clerk),
    });
    if (res.status !== 201) throw new Error(`register clerk: ${res.status}`);
    await api.call('POST', `/stores/${api.storeId}/members`, {
      email: clerk.email,
      role: 'employee',
    });
  });

  afterAll(() => {
    console.log(`Sale → owner's screen (ms): ${latencies.join(', ')}`);
  });

  step('when the owner opens the products, then the header says updates are live', async () => {
    await signIn(ctx, owner);
    await storeTab('Products').click();
    await heading('Products').waitFor();
    await productRow(broccoli.name).getByRole('cell', { name: '8', exact: true }).waitFor();
    await live(ctx.page).waitFor();
    // Nothing needs attention yet: no count on the Alerts tab, nothing unread.
    await expect(alertsTab(ctx.page).textContent()).resolves.toBe('Alerts');
    await expect(bell(ctx.page).textContent()).resolves.toBe('Notifications');
    // Gone if the page were ever reloaded: what changes later changes in place.
    await ctx.page.evaluate(() => (window.sameDocument = true));
    await expectAccessible(ctx.page, 'the product list, live');
  });

  step('when the clerk signs in at the till in another browser, then it is live too', async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 860 } });
    till = await context.newPage();
    till.setDefaultTimeout(15_000);
    await till.goto(`${ctx.server.baseUrl}/login`);
    await till.getByLabel('Email', { exact: true }).fill(clerk.email);
    await till.getByLabel('Password', { exact: true }).fill(clerk.password);
    await till.getByRole('button', { name: 'Sign in' }).click();
    await till.waitForURL(/\/stores\//);
    await till.goto(`${storeUrl}/sales/new`);
    await till.getByRole('heading', { level: 1, name: 'Quick sale' }).waitFor();
    await live(till).waitFor();
  });

  step(
    'when the clerk sells 3 broccoli, then the owner’s list shows 5 and low stock by itself',
    async () => {
      const soldAt = await sell(broccoli.sku, 3);
      const row = productRow(broccoli.name);
      await row.getByRole('cell', { name: '5', exact: true }).waitFor();
      latencies.push(Date.now() - soldAt);
      await row.getByText('Low stock', { exact: true }).waitFor();
      await expectAccessible(ctx.page, 'the product list after another user’s sale');
    },
  );

  step(
    'when the sale took broccoli below its reorder point, then the owner’s Alerts tab and bell count the alert by themselves',
    async () => {
      // The sale's stock check runs as a job (polled every 2 s) and opens the alert, whose
      // event reaches the owner's socket: the tab's count and the bell refetch, no reload.
      await alertsTab(ctx.page)
        .filter({ hasText: /: 1 open$/ })
        .waitFor();
      await bell(ctx.page)
        .filter({ hasText: /: 1 unread$/ })
        .waitFor();
      await expect(ctx.page.evaluate(() => window.sameDocument)).resolves.toBe(true);
      await storeTab('Alerts').click();
      await heading('Alerts').waitFor();
      await ctx.page
        .getByRole('table', { name: 'Alerts' })
        .getByRole('row')
        .filter({ hasText: `${broccoli.name} is low` })
        .waitFor();
      await storeTab('Products').click();
      await heading('Products').waitFor();
    },
  );

  step('when the owner watches the sales and the clerk sells again, then it appears', async () => {
    await storeTab('Sales').click();
    await heading('Sales').waitFor();
    const byClerk = ctx.page
      .getByRole('table', { name: 'Sales' })
      .getByRole('row')
      .filter({ hasText: clerk.name });
    await byClerk.first().waitFor();
    await expect(byClerk.count()).resolves.toBe(1);
    const soldAt = await sell(broccoli.sku, 2);
    await byClerk.nth(1).waitFor();
    latencies.push(Date.now() - soldAt);
    await live(ctx.page).waitFor();
  });

  step(
    'when the owner signs out, then the socket closes, and the clerk signing in on that page gets a socket of their own',
    async () => {
      // One socket all along, signed in as the owner.
      expect(sockets).toHaveLength(1);
      const [owners] = sockets;
      const ownerId = frames(owners, 'welcome')[0].userId;
      await ctx.page.getByRole('button', { name: 'Sign out' }).click();
      await ctx.page.waitForURL(/\/login$/);
      if (!owners.closed) await owners.ws.waitForEvent('close');

      await ctx.page.getByLabel('Email', { exact: true }).fill(clerk.email);
      await ctx.page.getByLabel('Password', { exact: true }).fill(clerk.password);
      await ctx.page.getByRole('button', { name: 'Sign in' }).click();
      await ctx.page.waitForURL(/\/stores\//);
      await live(ctx.page).waitFor();
      expect(sockets).toHaveLength(2);
      const clerks = sockets[1];
      const [auth] = frames(clerks, 'auth');
      expect(frames(owners, 'auth').map((m) => m.token)).not.toContain(auth.token);
      expect(frames(clerks, 'welcome')[0].userId).not.toBe(ownerId);
      // The owner's place in the store's events is not carried over: the clerk starts afresh.
      expect(frames(clerks, 'subscribe')[0]).toEqual({ type: 'subscribe', storeId });
      const ownerFrames = owners.messages.length;

      // A sale at the till reaches the clerk's socket, and nothing reaches the owner's.
      await sell(broccoli.sku, 1);
      await until(() => frames(clerks, 'sale.recorded').length > 0, 'the sale on the socket');
      expect(owners.messages).toHaveLength(ownerFrames);
    },
  );
});
