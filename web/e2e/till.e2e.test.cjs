// The till on a bad day: the connection drops mid-shift and the server stops answering. Sales
// rung up meanwhile wait on the device, are sent by themselves when it returns, and each is
// recorded exactly once (checked at the API: the sales that exist, the stock that moved).
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Noor Haddad', email: `noor.${run}@example.com`, password: 'Corner-Shop-51' };
const storeName = 'Noor’s Corner Shop';
const SCAN_LABEL = 'Scan or type barcode / SKU';

describeWithBrowser('Nimbus web: the till offline and on a slow network', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  const saleKeys = [];
  let page;
  let api;
  const products = {};

  async function ringUp(sku, times = 1) {
    const scan = field(SCAN_LABEL);
    for (let i = 0; i < times; i += 1) {
      await scan.fill(sku);
      await scan.press('Enter');
    }
  }

  beforeAll(async () => {
    page = ctx.page;
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (req.method() === 'POST' && pathname.endsWith('/sales')) {
        saleKeys.push(req.headers()['idempotency-key']);
      }
    });
    api = await apiAs(ctx.server.baseUrl, user, storeName);
    products.milk = await api.createProduct({
      name: 'Oat Milk 1 l',
      sku: 'OAT-1L',
      price: 1.8,
      initialQuantity: 10,
    });
    products.bread = await api.createProduct({
      name: 'Sourdough Loaf',
      sku: 'BREAD-SD',
      price: 4.2,
      initialQuantity: 5,
    });
  });

  step('when the cashier signs in and opens the till, then it is ready to scan', async () => {
    await signIn(ctx, user);
    await storeTab('Quick sale').click();
    await heading('Quick sale').waitFor();
  });

  step(
    'when the connection drops and a sale is completed, then it waits on the device with a count',
    async () => {
      await ringUp('OAT-1L', 2);
      await page.waitForFunction(
        (input) => input?.value === '2',
        await field('Quantity of Oat Milk 1 l').elementHandle(),
      );
      await ctx.context.setOffline(true);
      await status('You are offline').waitFor();

      await page.getByRole('button', { name: 'Complete sale' }).click();
      await status('kept on this device').first().waitFor();
      await page.getByText('1 sale waiting to send').waitFor();
      await page.getByText('No items yet').waitFor();
      expect(await api.listSales()).toHaveLength(0);
    },
  );

  step('when the connection returns, then the sale is sent once and stock drops once', async () => {
    await ctx.context.setOffline(false);
    await status('A sale kept on this device has been sent').waitFor();
    await page.getByText('waiting to send').waitFor({ state: 'detached' });
    await status('You are offline').waitFor({ state: 'detached' });

    const sales = await api.listSales();
    expect(sales).toHaveLength(1);
    expect(sales[0].items).toEqual([
      expect.objectContaining({ productId: products.milk.id, quantity: 2 }),
    ]);
    expect((await api.getProduct(products.milk.id)).quantity).toBe(8);
  });

  step(
    'when the server takes too long to answer, then "Recording sale…" gives way to the queue and the sale is sent later, once',
    async () => {
      saleKeys.length = 0;
      await ringUp('BREAD-SD');
      await field('Quantity of Sourdough Loaf').waitFor();
      // The request reaches the server and is recorded, but its answer never comes back.
      const held = [];
      await page.route('**/api/v1/stores/*/sales', async (route) => {
        await route.fetch();
        held.push(route);
      });
      await page.getByRole('button', { name: 'Complete sale' }).click();
      await page.getByRole('button', { name: 'Recording sale…' }).waitFor();
      await page.getByText('1 sale waiting to send').waitFor({ timeout: 20_000 });
      await page.unroute('**/api/v1/stores/*/sales');

      await status('A sale kept on this device has been sent').waitFor({ timeout: 20_000 });
      await page.getByText('waiting to send').waitFor({ state: 'detached' });
      expect(new Set(saleKeys).size).toBe(1);
      expect(saleKeys.length).toBeGreaterThanOrEqual(2);
      expect(await api.listSales()).toHaveLength(2);
      expect((await api.getProduct(products.bread.id)).quantity).toBe(4);
      await Promise.all(held.map((route) => route.abort().catch(() => undefined)));
    },
  );
});
