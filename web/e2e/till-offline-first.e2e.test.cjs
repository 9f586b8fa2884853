// Issue 22, the offline-first till: after one visit online the service worker has the app shell
// and the till has the store's catalogue (prices, barcodes, tax rules) in IndexedDB. The
// connection drops and the till is reloaded: it opens (not the browser's offline page), a
// barcode scan and a type-ahead find products from the device's copy, the pay step prices the
// sale with tax as the server would, and the sale gets a provisional receipt number. When the
// connection returns the sale is sent once, recorded on the day it was rung up, with its real
// number shown in place of the provisional one; the server keeps the provisional number, and the
// printed receipt shows both.
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Ines Duarte', email: `ines.${run}@example.com`, password: 'Offline-Till-22' };
const storeName = 'Duarte Deli';
const WATER_BARCODE = '4006381333931';

describeWithBrowser('Nimbus web: the till works offline (app shell, catalogue, receipts)', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  const posted = [];
  let page;
  let api;
  let provisional;
  let saleNumber;

  beforeAll(async () => {
    page = ctx.page;
    page.on('request', (req) => {
      const { pathname } = new URL(req.url());
      if (req.method() === 'POST' && pathname.endsWith('/sales')) posted.push(pathname);
    });
    api = await apiAs(ctx.server.baseUrl, user, storeName);
    const rate = await api.call('POST', `/stores/${api.storeId}/tax-rates`, {
      name: 'VAT',
      rateBps: 1000,
    });
    await api.call('PATCH', `/stores/${api.storeId}/checkout-settings`, {
      pricesIncludeTax: false,
      defaultTaxRateId: rate.data.id,
      address: null,
      employeeDiscountLimitPercent: 0,
    });
    await api.createProduct({
      name: 'Sparkling Water 500 ml',
      sku: 'WATER-500',
      barcode: WATER_BARCODE,
      price: 1.25,
      initialQuantity: 20,
    });
    await api.createProduct({
      name: 'Dark Chocolate 100 g',
      sku: 'CHOC-DARK',
      price: 2.99,
      initialQuantity: 10,
    });
    await api.createProduct({ name: 'Lemon Tart', sku: 'TART-LEM', price: 3.35 });
  });

  step(
    'when the till is opened online, then the service worker takes the page and the device keeps the catalogue',
    async () => {
      await signIn(ctx, user);
      await storeTab('Quick sale').click();
      await heading('Quick sale').waitFor();
      await page.getByText('For selling offline, this device keeps 3 products').waitFor();
      // Installed (everything precached) and in charge of this page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 30_000,
      });
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.includes('precache')));
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(cached).toContain('/index.html');
      expect(cached.some((p) => /^\/assets\/quick-sale-page-.*\.js$/.test(p))).toBe(true);
      expect(cached.some((p) => p.startsWith('/api/'))).toBe(false);
    },
  );

  step(
    'when the connection drops and the till is reloaded, then it opens from the device, not the browser’s offline page',
    async () => {
      await ctx.context.setOffline(true);
      const shell = await page.reload();
      // The precached index.html, answered by the service worker.
      expect(shell.fromServiceWorker()).toBe(true);
      await heading('Quick sale').waitFor();
      await status('You are offline').waitFor();
      await expect(page.evaluate(() => navigator.onLine)).resolves.toBe(false);
    },
  );

  step(
    'when a barcode is scanned and a name typed offline, then the products come from the device’s copy',
    async () => {
      const scan = field('Scan or search products');
      await scan.fill(WATER_BARCODE);
      await scan.press('Enter');
      await scan.fill(WATER_BARCODE);
      await scan.press('Enter');
      await page.waitForFunction(
        (input) => input?.value === '2',
        await field('Quantity of Sparkling Water 500 ml').elementHandle(),
      );
      await scan.fill('dark cho');
      const suggestion = page.getByRole('option', { name: /Dark Chocolate 100 g/ });
      await suggestion.waitFor();
      await page.getByText('Offline, from the copy on this device').waitFor();
      await suggestion.click();
      await field('Quantity of Dark Chocolate 100 g').waitFor();
      await expect(page.getByRole('alert').allInnerTexts()).resolves.toEqual([]);
    },
  );

  step(
    'when payment is taken offline, then tax is worked out per line as the server does and the sale gets a provisional number',
    async () => {
      await page.getByRole('button', { name: 'Take payment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Payment' });
      await dialog.waitFor();
      await dialog.getByText('Offline: worked out on this device').waitFor();
      const totals = dialog.locator('.pay__totals');
      // 2 × 1.25 = 2.50 + 0.25 tax; 2.99 + 0.30 (0.299 half up): 6.04.
      await totals.getByText('$6.04').waitFor();
      await totals.getByText('$0.55').waitFor();
      await field('Payment 1: cash given').fill('10');
      await dialog.locator('.pay__change').getByText('$3.96').waitFor();
      await expectAccessible(page, 'the pay step offline', { selector: 'dialog' });
      await dialog.getByRole('button', { name: 'Complete sale' }).click();
      const kept = page.locator('[data-provisional-number]');
      await kept.waitFor();
      provisional = await kept.innerText();
      expect(provisional).toMatch(/^OFF-[A-Z2-9]{4}-\d+$/);
      await page.getByText('1 sale waiting to send').waitFor();
      await page.getByText(provisional).nth(1).waitFor();
      await expectAccessible(page, 'the till offline with a provisional receipt');
      expect(await api.listSales()).toHaveLength(0);
    },
  );

  step(
    'when the connection returns, then the sale is recorded once, on the day it was rung up, and its real number replaces the provisional one',
    async () => {
      const rungUpDay = new Date().toISOString().slice(0, 10);
      await ctx.context.setOffline(false);
      const sent = status(`A sale kept on this device has been sent: ${provisional} is now S-`);
      await sent.waitFor({ timeout: 30_000 });
      await page.getByText('waiting to send').waitFor({ state: 'detached' });
      const sales = await api.listSales();
      expect(sales).toHaveLength(1);
      const [sale] = sales;
      expect(sale.total).toBe(6.04);
      expect(sale.itemCount).toBe(3);
      expect(sale.soldAt.slice(0, 10)).toBe(rungUpDay);
      const number = `S-${String(sale.number).padStart(6, '0')}`;
      await expect(sent.innerText()).resolves.toContain(`${provisional} is now ${number}`);
      // Sent with one Idempotency-Key: however often it was tried, one sale.
      expect(posted.length).toBeGreaterThanOrEqual(1);
      // The server kept the number the customer's paper carries, and finds the sale by it.
      expect(sale.provisionalNumber).toBe(provisional);
      const found = await api.call(
        'GET',
        `/stores/${api.storeId}/sales?search=${encodeURIComponent(provisional)}`,
      );
      expect(found.data.map((s) => s.id)).toEqual([sale.id]);
      saleNumber = number;
    },
  );

  step(
    'when its receipt is printed, then it shows the provisional number and the sale number',
    async () => {
      await status('A sale kept on this device has been sent')
        .getByRole('link', { name: 'View sale' })
        .click();
      await heading(`Sale ${saleNumber}`).waitFor();
      await page.getByRole('link', { name: 'Receipt', exact: true }).click();
      const receipt = page.getByRole('article', { name: storeName });
      await receipt.waitFor();
      const text = (await receipt.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(`Provisional number ${provisional} Sale number ${saleNumber}`);
    },
  );
});
