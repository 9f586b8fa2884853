// Two people in one store, each in their own browser: the owner watches the product list and
// the sales while a clerk rings up sales at the till. The owner's screens change by themselves
// (issue 19: "another user sold 3 broccoli and the product list still showed the old stock
// 40 seconds later"), over the one WebSocket the header says is live.
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
  let till;
  let broccoli;

  const live = (page) =>
    page
      .getByRole('navigation', { name: 'Store sections' })
      .getByRole('status')
      .filter({ hasText: 'Live updates: Live' });
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

  beforeAll(async () => {
    const api = await apiAs(ctx.server.baseUrl, owner, storeName);
    storeUrl = `${ctx.server.baseUrl}/stores/${api.storeId}`;
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
});
