// The till: a loaf with no barcode is found by typing part of its name (arrows, Enter), a
// regular is one tap in the top sellers; then a bad day: the connection drops mid-shift and the
// server stops answering. Sales rung up meanwhile wait on the device, are sent by themselves
// when it returns, and each is recorded exactly once (checked at the API: the sales that
// exist, the stock that moved).
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Noor Haddad', email: `noor.${run}@example.com`, password: 'Corner-Shop-51' };
const storeName = 'Noor’s Corner Shop';
const SCAN_LABEL = 'Scan or search products';

describeWithBrowser('Nimbus web: the till (type-ahead, top sellers, offline, slow network)', () => {
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
    'when part of a name is typed, then suggestions show; arrow and Enter add one, Escape closes them',
    async () => {
      const scan = field(SCAN_LABEL);
      await expect(scan.getAttribute('role')).resolves.toBe('combobox');
      const suggestions = page.getByRole('listbox', { name: 'Product suggestions' });
      const loaf = suggestions.getByRole('option', { name: /Sourdough Loaf/ });
      const saleLines = page.getByRole('table', { name: 'Sale lines' }).locator('tbody tr');

      // A typo still finds it; Escape closes the suggestions and adds nothing.
      await scan.pressSequentially('sourdogh', { delay: 40 });
      await loaf.waitFor();
      await scan.press('Escape');
      await loaf.waitFor({ state: 'detached' });
      await expect(scan.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(saleLines.count()).resolves.toBe(0);
      await scan.fill('');

      await scan.pressSequentially('sourd', { delay: 40 });
      await loaf.waitFor();
      await expect(loaf.textContent()).resolves.toMatch(/\$4\.20.*5 on hand/);
      await expect(scan.getAttribute('aria-expanded')).resolves.toBe('true');
      await scan.press('ArrowDown');
      await expect(loaf.getAttribute('aria-selected')).resolves.toBe('true');
      await expectAccessible(page, 'the till with suggestions open');
      await expect(scan.getAttribute('aria-activedescendant')).resolves.toBe(
        await loaf.getAttribute('id'),
      );
      await scan.press('Enter');
      await expect(field('Quantity of Sourdough Loaf').inputValue()).resolves.toBe('1');
      await expect(scan.inputValue()).resolves.toBe('');
      await loaf.waitFor({ state: 'detached' });
      await expect(saleLines.count()).resolves.toBe(1);

      await page.getByRole('button', { name: 'Complete sale' }).click();
      await status('Sale recorded: 1 item').waitFor();
      const sales = await api.listSales();
      expect(sales).toHaveLength(1);
      expect(sales[0].items).toEqual([
        expect.objectContaining({ productId: products.bread.id, quantity: 1 }),
      ]);
      expect((await api.getProduct(products.bread.id)).quantity).toBe(4);
    },
  );

  step('when a top seller is tapped, then one is added to the sale', async () => {
    const tiles = page.getByRole('list', { name: 'Top sellers' });
    const loaf = tiles.getByRole('button', { name: /Sourdough Loaf/ });
    // The sale just recorded makes it a top seller, with its new stock.
    await loaf.filter({ hasText: '4 on hand' }).waitFor();
    await expectAccessible(page, 'the till with top sellers');
    await loaf.click();
    await loaf.click();
    await expect(field('Quantity of Sourdough Loaf').inputValue()).resolves.toBe('2');
    await page.getByRole('button', { name: 'Clear sale' }).click();
    await page.getByText('No items yet').waitFor();
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
      // Offline, a product the till has seen today (here among the top sellers) still scans.
      await ringUp('BREAD-SD');
      await expect(field('Quantity of Sourdough Loaf').inputValue()).resolves.toBe('1');

      await page.getByRole('button', { name: 'Complete sale' }).click();
      await status('kept on this device').first().waitFor();
      await page.getByText('1 sale waiting to send').waitFor();
      await page.getByText('No items yet').waitFor();
      await expectAccessible(page, 'the till offline with a sale waiting to send');
      expect(await api.listSales()).toHaveLength(1);
    },
  );

  step('when the connection returns, then the sale is sent once and stock drops once', async () => {
    await ctx.context.setOffline(false);
    await status('A sale kept on this device has been sent').waitFor();
    await page.getByText('waiting to send').waitFor({ state: 'detached' });
    await status('You are offline').waitFor({ state: 'detached' });

    const sales = await api.listSales();
    expect(sales).toHaveLength(2);
    const milkSales = sales.filter((sale) =>
      sale.items.some((item) => item.productId === products.milk.id),
    );
    expect(milkSales).toHaveLength(1);
    expect(milkSales[0].items).toEqual([
      expect.objectContaining({ productId: products.milk.id, quantity: 2 }),
      expect.objectContaining({ productId: products.bread.id, quantity: 1 }),
    ]);
    expect((await api.getProduct(products.milk.id)).quantity).toBe(8);
    expect((await api.getProduct(products.bread.id)).quantity).toBe(3);
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
        await route.fetch().catch(() => undefined);
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
      expect(await api.listSales()).toHaveLength(3);
      expect((await api.getProduct(products.bread.id)).quantity).toBe(2);
      await Promise.all(held.map((route) => route.abort().catch(() => undefined)));
    },
  );
});
