// Issue 16, defect 7: a sale rung up while the till could not reach the server is dated when it
// was rung up, not when it was sent. The till is online for one sale, then the connection drops
// and the browser's clock is turned back 26 hours to stand in for the night that passes before
// the connection returns: the sale rung up "yesterday evening" is sent "this morning" and lands,
// with its stock movement, on yesterday in the store's time zone (sales list and dashboard).
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Tamar Levi', email: `tamar.${run}@example.com`, password: 'Night-Till-26' };
const storeName = 'Harbourside Kiosk';
const zone = 'Pacific/Auckland';
const HOUR = 3_600_000;
const dayIn = (at) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);

describeWithBrowser('Nimbus web: a sale kept offline keeps the time it was rung up', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  let page;
  let api;
  let product;
  let rungUpAt;
  let keptDay;

  async function ringUp(times) {
    const scan = field('Scan or search products');
    for (let i = 0; i < times; i += 1) {
      await scan.fill('KIOSK-COFFEE');
      await scan.press('Enter');
    }
    await page.waitForFunction(
      ([input, n]) => input?.value === String(n),
      [await field('Quantity of Filter Coffee 250 g').elementHandle(), times],
    );
  }

  beforeAll(async () => {
    page = ctx.page;
    api = await apiAs(ctx.server.baseUrl, user, storeName);
    await api.call('PATCH', `/stores/${api.storeId}`, { timezone: zone });
    product = await api.createProduct({
      name: 'Filter Coffee 250 g',
      sku: 'KIOSK-COFFEE',
      price: 7.5,
      initialQuantity: 20,
    });
    // On the shelf since the day before: a sale cannot be dated before its product existed.
    await ctx.server.sql(
      `UPDATE products SET created_at = now() - interval '2 days' WHERE id = $1`,
      [product.id],
    );
    await ctx.server.sql(
      `UPDATE stock_movements SET created_at = now() - interval '2 days' WHERE product_id = $1`,
      [product.id],
    );
    // The page's clock, so the test can move it; it runs with real time until moved.
    await page.clock.install();
  });

  step(
    'when a sale is completed online, then it is stamped with the time it was rung up',
    async () => {
      await signIn(ctx, user);
      await storeTab('Quick sale').click();
      await heading('Quick sale').waitFor();
      await ringUp(1);
      const before = Date.now();
      await page.getByRole('button', { name: 'Complete sale' }).click();
      await status('Sale recorded: 1 item').waitFor();
      const [sale] = await api.listSales();
      expect(Math.abs(new Date(sale.soldAt).getTime() - before)).toBeLessThan(10_000);
    },
  );

  step(
    'when the connection drops and a sale is rung up "yesterday evening", then it waits on the device with that time',
    async () => {
      await ringUp(3);
      await ctx.context.setOffline(true);
      await status('You are offline').waitFor();
      await page.clock.setSystemTime(new Date(Date.now() - 26 * HOUR));
      rungUpAt = await page.evaluate(() => Date.now());
      await page.getByRole('button', { name: 'Complete sale' }).click();
      await page.getByText('1 sale waiting to send').waitFor();
      await expectAccessible(page, 'the till with a sale kept overnight');
      expect(await api.listSales()).toHaveLength(1);
    },
  );

  step(
    'when the connection returns the next morning, then the sale and its movement are dated when it was rung up, on yesterday',
    async () => {
      await page.clock.setSystemTime(new Date());
      const sentAfter = Date.now();
      await ctx.context.setOffline(false);
      await status('A sale kept on this device has been sent').waitFor();
      await page.getByText('waiting to send').waitFor({ state: 'detached' });

      const sales = await api.listSales();
      expect(sales).toHaveLength(2);
      const kept = sales.find((s) => s.itemCount === 3);
      const soldAt = new Date(kept.soldAt).getTime();
      // Was (defect 7): the moment it was sent, seconds ago.
      expect(soldAt).toBeGreaterThanOrEqual(rungUpAt - 2_000);
      expect(soldAt).toBeLessThan(rungUpAt + 10_000);
      expect(sentAfter - soldAt).toBeGreaterThan(25 * HOUR);
      const yesterday = dayIn(new Date(soldAt));
      keptDay = yesterday;
      const today = dayIn(new Date());
      expect(yesterday).not.toBe(today);

      const movements = await api.call(
        'GET',
        `/stores/${api.storeId}/products/${product.id}/movements?reason=sale&dateFrom=${yesterday}&dateTo=${yesterday}`,
      );
      expect(movements.data).toEqual([
        expect.objectContaining({ delta: -3, referenceId: kept.id, createdAt: kept.soldAt }),
      ]);
      const dashboard = (await api.call('GET', `/stores/${api.storeId}/analytics/dashboard`)).data;
      const units = Object.fromEntries(dashboard.salesTrend.map((d) => [d.date, d.units]));
      expect(units[yesterday]).toBe(3);
      expect(units[today]).toBe(1);
    },
  );

  step('when the sales list is filtered to yesterday, then the kept sale is there', async () => {
    await page.goto(
      `${ctx.server.baseUrl}/stores/${api.storeId}/sales?from=${keptDay}&to=${keptDay}`,
    );
    await heading('Sales').waitFor();
    const rows = page.getByRole('table', { name: 'Sales' }).locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(/\$22\.50/);
  });
});
