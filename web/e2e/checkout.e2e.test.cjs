// Checkout at the till: a store that adds 10% tax; a sale of two coffees with a 10% sale
// discount paid in cash with change, then a cake paid half in cash and half by card (a split).
// The receipt shows the store's address, the tax per rate, the payments, the change and a
// Code 128 barcode of the sale number; the API holds the same payments.
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Iris Novak', email: `iris.${run}@example.com`, password: 'Till-Counter-77' };
const storeName = 'Iris’s Café';
const SCAN_LABEL = 'Scan or search products';

describeWithBrowser(
  'Nimbus web: checkout with tax, discount, cash and change, split payment',
  () => {
    const { ctx, step } = useJourney();
    const { heading, field, status, storeTab } = screen(ctx);
    let page;
    let api;

    async function ringUp(sku, times = 1) {
      const scan = field(SCAN_LABEL);
      const lines = page.getByRole('table', { name: 'Sale lines' }).locator('tbody tr');
      const before = await lines.count();
      for (let i = 0; i < times; i += 1) {
        await scan.fill(sku);
        await scan.press('Enter');
      }
      await lines.nth(before).waitFor();
    }

    beforeAll(async () => {
      page = ctx.page;
      api = await apiAs(ctx.server.baseUrl, user, storeName);
      const store = (path) => `/stores/${api.storeId}${path}`;
      const rate = (
        await api.call('POST', store('/tax-rates'), { name: 'Standard', rateBps: 1000 })
      ).data;
      await api.call('PATCH', store('/checkout-settings'), {
        defaultTaxRateId: rate.id,
        address: '12 Harbour Street\nPortsmouth PO1 2AB',
      });
      await api.createProduct({
        name: 'Flat White',
        sku: 'COFFEE',
        price: 8.5,
        initialQuantity: 10,
      });
      await api.createProduct({
        name: 'Carrot Cake',
        sku: 'CAKE',
        price: 3.2,
        initialQuantity: 10,
      });
    });

    step(
      'when the cashier opens the till and rings up two coffees, then they are on the sale',
      async () => {
        await signIn(ctx, user);
        await storeTab('Quick sale').click();
        await heading('Quick sale').waitFor();
        await ringUp('COFFEE', 2);
        await page
          .getByRole('table', { name: 'Sale lines' })
          .getByRole('row', { name: /Flat White/ })
          .waitFor();
      },
    );

    step(
      'when payment is taken with a 10% discount and 20.00 cash, then the total is taxed per line and the change is shown',
      async () => {
        await page.getByRole('button', { name: 'Take payment' }).click();
        const dialog = page.getByRole('dialog', { name: 'Payment' });
        await dialog.waitFor();
        const totals = dialog.locator('.pay__totals');
        // 2 × 8.50 = 17.00, plus 10% tax.
        await totals.getByText('$18.70').waitFor();
        await field('Sale discount (%)').fill('10');
        // 17.00 − 1.70 = 15.30, tax 1.53: 16.83.
        await totals.getByText('$16.83').waitFor();
        await totals.getByText('−$1.70').or(totals.getByText('-$1.70')).waitFor();
        await totals.getByText('Standard 10%').waitFor();
        await field('Payment 1: cash given').fill('20');
        await dialog.locator('.pay__change').getByText('$3.17').waitFor();
        await expectAccessible(page, 'the pay step', { selector: 'dialog' });
        await dialog.getByRole('button', { name: 'Complete sale' }).click();
        await status('Sale recorded').waitFor();
        await expect(status('Sale recorded').textContent()).resolves.toContain('$16.83');
        await dialog.waitFor({ state: 'hidden' });
      },
    );

    step(
      'when a cake is paid partly in cash and the rest by card, then the split covers the total',
      async () => {
        await ringUp('CAKE');
        await page.getByRole('button', { name: 'Take payment' }).click();
        const dialog = page.getByRole('dialog', { name: 'Payment' });
        // 3.20 + 0.32.
        await dialog.locator('.pay__totals').getByText('$3.52').waitFor();
        await field('Payment 1: cash given').fill('2');
        await dialog.getByText('Still to pay').waitFor();
        await dialog.getByRole('button', { name: 'Split: add a payment' }).click();
        await expect(field('Payment 2: amount').inputValue()).resolves.toBe('1.52');
        await expect(field('Payment 2 method').inputValue()).resolves.toBe('card');
        await dialog.locator('.pay__change').getByText('$0.00').waitFor();
        await dialog.getByRole('button', { name: 'Complete sale' }).click();
        await status('total $3.52').waitFor();

        const sales = await api.listSales();
        const byTotal = Object.fromEntries(sales.map((s) => [s.total, s]));
        expect(byTotal['3.52'].payments).toEqual([
          { method: 'cash', amount: 2, reference: null },
          { method: 'card', amount: 1.52, reference: null },
        ]);
        expect(byTotal['16.83']).toMatchObject({
          discountTotal: 1.7,
          taxTotal: 1.53,
          payments: [{ method: 'cash', amount: 20, reference: null }],
          change: 3.17,
        });
      },
    );

    step(
      'when the first sale’s receipt is opened, then it shows the address, the tax, the payments, the change and a barcode of its number',
      async () => {
        const first = (await api.listSales()).find((s) => s.total === 16.83);
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/${first.id}`);
        await page.getByRole('link', { name: 'Receipt' }).click();
        const receipt = page.getByRole('article', { name: storeName });
        await receipt.waitFor();
        await receipt.getByText('12 Harbour Street').waitFor();
        const lines = page.getByRole('table', { name: 'Receipt lines' });
        await lines
          .getByRole('row', { name: /Standard 10% on \$15\.30/ })
          .getByText('$1.53')
          .waitFor();
        await lines.getByRole('row', { name: /Discounts/ }).waitFor();
        await lines
          .getByRole('row', { name: /^Total/ })
          .getByText('$16.83')
          .waitFor();
        const payments = receipt.getByRole('definition').or(receipt.getByRole('term'));
        await expect(payments.allTextContents()).resolves.toEqual(
          expect.arrayContaining(['Cash', '$20.00', 'Change', '$3.17']),
        );
        const barcode = receipt.getByRole('img', {
          name: `Barcode of S-${String(first.number).padStart(6, '0')}`,
        });
        await barcode.waitFor();
        // Code 128 of "S-000001": a start, eight symbols, a check and a stop, drawn as bars.
        await expect(barcode.locator('rect').count()).resolves.toBeGreaterThan(20);
        await expectAccessible(page, 'the receipt with payments');
        await page.emulateMedia({ media: 'print' });
        await expect(barcode.isVisible()).resolves.toBe(true);
        await expect(page.getByRole('button', { name: 'Print receipt' }).isVisible()).resolves.toBe(
          false,
        );
        await page.emulateMedia({ media: 'screen' });
      },
    );

    step(
      'when a leaking coffee is refunded in cash and written off, then the money is its share and the cup is waste, not stock',
      async () => {
        const first = (await api.listSales()).find((s) => s.total === 16.83);
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/${first.id}`);
        await page.getByRole('button', { name: 'Refund…' }).click();
        const dialog = page.getByRole('dialog', { name: /^Refund sale S-/ });
        await dialog.getByLabel('Units to refund of Flat White').fill('1');
        await dialog.getByLabel('What becomes of the Flat White').selectOption('write_off');
        await dialog.getByLabel('Refund paid by').selectOption('cash');
        await dialog.getByLabel('Reason for the refund').fill('Cup leaking');
        await expectAccessible(page, 'the refund dialog with write-off');
        // Half of 16.83 (two coffees, discounted and taxed), half up.
        await dialog.getByRole('button', { name: 'Refund $8.42' }).click();
        await status('Refunded $8.42.').waitFor();
        await page
          .getByRole('region', { name: 'Refunds' })
          .getByText(/written off as damaged/)
          .waitFor();

        const coffee = (await api.call('GET', `/stores/${api.storeId}/products?search=COFFEE`))
          .data[0];
        expect(coffee.quantity).toBe(8);
        const moves = (
          await api.call('GET', `/stores/${api.storeId}/products/${coffee.id}/movements`)
        ).data;
        expect(moves.map((m) => m.reason)).toEqual(expect.arrayContaining(['return', 'damaged']));
      },
    );

    step(
      'when the sales are searched by product and by number, then only the matching sales show',
      async () => {
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales`);
        await heading('Sales').waitFor();
        const rows = page.locator('table tbody tr');
        await field('Search sales').fill('Carrot Cake');
        await page.waitForURL(/q=Carrot/);
        await expect(rows.filter({ hasText: '$3.52' }).count()).resolves.toBe(1);
        await rows.filter({ hasText: '$16.83' }).waitFor({ state: 'detached' });
        await field('Search sales').fill('S-000001');
        await rows.filter({ hasText: '$16.83' }).waitFor();
        await rows.filter({ hasText: '$3.52' }).waitFor({ state: 'detached' });
      },
    );

    step('at phone width, the pay step fits and stays accessible', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/new`);
      await heading('Quick sale').waitFor();
      await ringUp('CAKE');
      await page.getByRole('button', { name: 'Take payment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Payment' });
      await dialog.locator('.pay__totals').getByText('$3.52').waitFor();
      const width = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
      expect(width).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'the pay step at phone width', { selector: 'dialog' });
      await dialog.getByRole('button', { name: 'Back to the sale' }).click();
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    step(
      'when the admin adds a reduced rate on the tax and checkout screen, then it is listed and offered as the default',
      async () => {
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales`);
        await page.getByRole('link', { name: 'Tax and checkout' }).click();
        await heading('Tax and checkout').waitFor();
        await expect(field('Address on receipts').inputValue()).resolves.toContain(
          '12 Harbour Street',
        );
        await field('Rate name').fill('Reduced');
        await field('Rate (%)').fill('5');
        await page.getByRole('button', { name: 'Add tax rate' }).click();
        const list = page.getByRole('list', { name: 'Tax rates' });
        await list.getByText('Reduced').waitFor();
        await field('Default tax rate')
          .locator('option', { hasText: 'Reduced (5%)' })
          .waitFor({ state: 'attached' });
        await expectAccessible(page, 'tax and checkout');
        const rates = (await api.call('GET', `/stores/${api.storeId}/tax-rates`)).data;
        expect(rates.map((r) => [r.name, r.rateBps])).toEqual([
          ['Reduced', 500],
          ['Standard', 1000],
        ]);
      },
    );
  },
);
