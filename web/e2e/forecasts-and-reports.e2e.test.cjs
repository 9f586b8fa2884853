// A manager of the demo store (six months of generated sales) reads a product's demand forecast
// and its stock outlook (one reorder point, one demand figure, weekday names, the model's workings
// folded away, days left within the expiry), sees days left in the product list, turns a reorder
// plan into a shopping list and into purchase orders in one click, sees the plan and a list buy an
// item that runs out from the fast supplier at the same priority (and the orders go there), reads
// an order two months overdue as not counted, recalculates forecasts and reads the anomalies they
// found, downloads a report as CSV, builds a custom report (and is told next to the field what the
// server refused), and an employee of the same store finds no Reports and no prices in a list.
const crypto = require('node:crypto');
const fs = require('node:fs');
const { expectAccessible } = require('./support/axe.cjs');
const { apiAs, signIn: apiSignIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
// The account the server seeds on an empty database when DEMO_DATA is on (server/src/seed/demo.ts).
const manager = { email: 'demo@nimbus.local', password: 'Nimbus-demo-2026' };
const employee = {
  name: 'Ama Mensah',
  email: `ama.${run}@example.com`,
  password: 'Shelf-Stacker-51',
};

describeWithBrowser('Nimbus web: forecasts, anomalies and reports', () => {
  // The journey asks in half a minute for the reports a manager reads in an afternoon: more
  // than the heavy rate limit's default 10 a minute.
  const { ctx, step } = useJourney({ env: { DEMO_DATA: 'true', RATE_LIMIT_HEAVY_MAX: '100' } });
  const { heading, field, status, storeTab } = screen(ctx);
  let page;
  let api;
  let storeId;
  let storeName;
  let product;
  let expiringDays;
  /** The list made for the item that runs out before its slow supplier can deliver. */
  let fastList;

  const region = (name) => page.getByRole('region', { name });

  /** Waits until `read()` answers `expected` (the screen catches up with a click). */
  async function eventually(read, expected, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await read();
      if (last === expected) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(last).toBe(expected);
  }

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when a manager opens a best seller, then its forecast shows sales, the forecast line and the shaded likely range, with its accuracy in words',
    async () => {
      storeId = await signIn(ctx, manager);
      api = await apiSignIn(ctx.server.baseUrl, manager);
      storeName = (await api('GET', `/stores/${storeId}`)).name;
      [product] = await api('GET', `/stores/${storeId}/products/top-sellers?limit=1`);
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}/products/${product.id}`);
      await heading(product.name).waitFor();

      const forecast = region('Demand forecast');
      const figure = forecast.getByRole('figure');
      await figure.waitFor();
      // The band is an SVG area between the lower and upper bounds: a path with a shape.
      const band = figure.locator('.forecast-band path.recharts-area-area');
      await band.waitFor({ state: 'attached' });
      expect((await band.getAttribute('d'))?.length).toBeGreaterThan(20);
      await expect(figure.textContent()).resolves.toMatch(/shaded band is where 80% of outcomes/);
      await expect(forecast.textContent()).resolves.toMatch(
        /Past forecasts were (usually within ±\d+%|off by \d+%)|No percentage error can be given|Accuracy not measured yet/,
      );
      await expect(forecast.getByRole('list', { name: 'Forecast factors' }).count()).resolves.toBe(
        1,
      );

      // The same forecast the API gives, in words on the stock outlook card.
      const outlook = region('Stock outlook');
      await outlook.getByText(/of stock left|Out of stock now|Nothing sold/).waitFor();
      await expectAccessible(page, 'product with forecast');

      await field('Period').selectOption('week');
      await figure.getByText(/forecast for the next 12 weeks/).waitFor();
    },
  );

  step(
    'when a perishable best seller is overstocked, then its page gives one reorder point with the suggestion to use, one demand figure, weekday names, the model in a disclosure, and days left that stop at the expiry',
    async () => {
      const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      await api('PATCH', `/stores/${storeId}/products/${product.id}`, {
        expiresAt,
        reorderPoint: 3,
      });
      await api('POST', `/stores/${storeId}/products/${product.id}/adjustments`, {
        delta: 2000,
        reason: 'adjustment',
        note: 'Overstocked for the test',
      });
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}/products/${product.id}`);
      await heading(product.name).waitFor();

      // The stock on hand expires in 5 days, however much is on the shelf (2,000 more would
      // last months): what is left then is waste, not days of stock. A delivery the demo has
      // due before then sells on after it, until it expires itself (a delivery keeps as long as
      // the last one did: 5 days from its arrival), so days left stop at one expiry or the other.
      const prediction = await api('GET', `/stores/${storeId}/predictions/${product.id}`);
      expect(prediction).toEqual(
        expect.objectContaining({ daysLeftLimitedBy: 'expiry', onHandExpiresUnsold: true }),
      );
      expiringDays = Math.round(prediction.daysLeft);
      expect(expiringDays).toBeLessThanOrEqual(prediction.expiringStock === 'on_hand' ? 5 : 10);
      const outlook = region('Stock outlook');
      await outlook
        .getByText(
          new RegExp(
            `^About ${expiringDays} days? of stock left(: the stock on hand expires on .+, before it sells\\.| \\(until around .+\\): what is on order expires then, before it sells\\. Part of the stock on hand expires on .+ before it sells\\.)$`,
          ),
        )
        .waitFor();

      // One reorder point, the product's own; Nimbus's suggestion is offered, with why.
      const point = outlook
        .locator('.details__row')
        .filter({ has: page.locator('dt', { hasText: /^Reorder point$/ }) });
      await expect(point.locator('dd').textContent()).resolves.toMatch(/^3 /);
      const use = outlook.getByRole('button', { name: /^Use suggested: [\d,]+$/ });
      const suggested = Number((await use.textContent()).replace(/\D/g, ''));
      expect(suggested).toBeGreaterThan(3);
      await outlook
        .getByText(/^Nimbus suggests a reorder point of [\d,]+: \d.* days? of lead time/)
        .waitFor();
      await use.click();
      await eventually(
        async () => (await point.locator('dd').textContent()).split(' ')[0],
        String(suggested),
      );
      await expect(use.count()).resolves.toBe(0);
      const saved = await api('GET', `/stores/${storeId}/products/${product.id}`);
      expect(saved.reorderPoint).toBe(suggested);
      // The stock card says the same reorder point.
      await expect(region('Stock on hand').textContent()).resolves.toContain(
        `Reorder point${suggested}`,
      );

      // One demand figure: the outlook's and the chart caption's are the same words.
      const demand = (await outlook.textContent()).match(
        /Expected to sell about [\d.,]+ a day over the next 28 days\./,
      )?.[0];
      expect(demand).toBeDefined();
      const forecast = region('Demand forecast');
      await expect(forecast.getByRole('figure').textContent()).resolves.toContain(demand);

      // Weekdays by name, worded as the model is (an additive season "+40%", a multiplicative
      // one "about 1.4× an average day"); the model's name and its AICc only in "How this was
      // computed".
      const factors = forecast.getByRole('list', { name: 'Forecast factors' });
      await expect(factors.textContent()).resolves.toMatch(
        /(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days ([+−]\d+%|about \d+(\.\d+)?× an average day)/,
      );
      await expect(forecast.textContent()).resolves.not.toMatch(/Day \d of each week|a period/);
      const aicc = forecast.getByText(/Chosen by AICc/);
      await expect(aicc.isVisible()).resolves.toBe(false);
      await forecast.getByText('How this was computed').click();
      await aicc.waitFor();
      await expectAccessible(page, 'product page, one answer each');
    },
  );

  step(
    'when the product list opens, then the product just forecast shows its days left',
    async () => {
      await storeTab('Products').click();
      await heading('Products').waitFor();
      await page.goto(
        `${ctx.server.baseUrl}/stores/${storeId}/products?search=${encodeURIComponent(product.sku)}`,
      );
      const table = page.getByRole('table', { name: 'Products' });
      await table.getByRole('columnheader', { name: 'Days left' }).waitFor();
      const row = table.getByRole('row').filter({ hasText: product.name });
      // Overstocked but expiring within 5 days: the list stops at the expiry, and says why.
      await row.getByText(new RegExp(`^${expiringDays} days?$`)).waitFor();
      await row.getByText(/^expires /).waitFor();
    },
  );

  step(
    'when a product has never sold, then its page says there is not enough history instead of a chart',
    async () => {
      const fresh = await api('POST', `/stores/${storeId}/products`, {
        name: `Sourdough Starter ${run}`,
        sku: `SOUR-${run}`,
        price: 6.5,
        initialQuantity: 12,
      });
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}/products/${fresh.id}`);
      await heading(fresh.name).waitFor();
      const forecast = region('Demand forecast');
      await forecast.getByRole('heading', { name: 'Not enough history for a forecast' }).waitFor();
      await expect(forecast.getByRole('figure').count()).resolves.toBe(0);
      await region('Stock outlook').getByText('Nothing sold in the last 30 days').waitFor();
      await expectAccessible(page, 'product without history');
    },
  );

  step(
    'when forecasts are recalculated, then the anomalies screen lists what was found, or says there is none',
    async () => {
      await storeTab('Anomalies').click();
      await heading('Anomalies').waitFor();
      await page.getByRole('button', { name: 'Recalculate forecasts' }).click();
      await status('Forecasts recalculated.').waitFor({ timeout: 120_000 });

      const found = await api('GET', `/stores/${storeId}/anomalies`);
      if (found.length === 0) {
        await page.getByRole('heading', { name: 'No anomalies found' }).waitFor();
      } else {
        const table = page.getByRole('table', { name: 'Anomalies' });
        await table.getByRole('link', { name: found[0].productName }).first().waitFor();
        // Filtering by severity leaves the rows that say so in words, not only in colour.
        await field('Severity').selectOption('high');
        const high = await api('GET', `/stores/${storeId}/anomalies?severity=high`);
        const severities = () => table.locator('tbody tr td:nth-child(3)').allTextContents();
        await eventually(
          async () => (await severities()).join(','),
          high
            .slice(0, 25)
            .map(() => 'High')
            .join(','),
        );
      }
      await expectAccessible(page, 'anomalies');
    },
  );

  step(
    'when the consumption report is downloaded, then the file is a CSV with its header row',
    async () => {
      await storeTab('Reports').click();
      await heading('Reports').waitFor();
      const table = page.getByRole('table', { name: 'Consumption' });
      await table.getByRole('row').nth(1).waitFor();
      await page
        .getByRole('figure')
        .getByText(/Units sold per day: [\d,]+ units over/)
        .waitFor();
      await expectAccessible(page, 'consumption report');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^consumption-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      const csv = fs.readFileSync(await download.path(), 'utf8');
      const [header, firstRow] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(header.toLowerCase()).toMatch(/name/);
      expect(header.toLowerCase()).toMatch(/units/);
      expect(firstRow?.length).toBeGreaterThan(0);

      // Two years: longer than a request reports, so the server makes it as a job (202) and
      // the screen waits for it, then shows it the same way.
      const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      await field('From').fill(day(729));
      await field('To').fill(day(0));
      await page
        .getByRole('figure')
        .getByText(/Units sold per day: [\d,]+ units over 730 days/)
        .waitFor({ timeout: 60_000 });
      await table.getByRole('row').nth(1).waitFor();

      await page.getByRole('link', { name: 'Stock valuation' }).click();
      await page.getByRole('table', { name: 'Stock valuation' }).getByRole('row').nth(1).waitFor();

      await page.getByRole('link', { name: 'Reorder within a budget' }).click();
      await field('Budget').fill('500');
      await page.getByRole('button', { name: 'Plan orders' }).click();
      await status(/ spent on \d+ products?\./).waitFor();
      const plan = page.getByRole('table', { name: 'Reorder plan' });
      await expect(plan.getByRole('row').count()).resolves.toBeGreaterThan(1);
      await expectAccessible(page, 'reorder plan');
    },
  );

  step(
    'when the reorder plan is turned into a shopping list, and then into purchase orders, then each takes one click and lands on the list',
    async () => {
      const included = async () => {
        await page.getByRole('button', { name: 'Plan orders' }).click();
        await status(/ spent on \d+ products?\./).waitFor();
        const text = await status(/ spent on \d+ products?\./).textContent();
        return Number(text.match(/spent on (\d+) product/)[1]);
      };
      const count = await included();
      expect(count).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Create shopping list' }).click();
      await status(
        'Made from the reorder plan: review it, then create the purchase orders.',
      ).waitFor();
      const listId = page.url().split('/').pop();
      const list = await api('GET', `/stores/${storeId}/shopping-lists/${listId}`);
      expect(list).toEqual(expect.objectContaining({ status: 'draft', itemCount: count }));
      await heading(list.name).waitFor();
      await expectAccessible(page, 'list from the reorder plan');

      await storeTab('Reports').click();
      await page.getByRole('link', { name: 'Reorder within a budget' }).click();
      await field('Budget').fill('500');
      await included();
      await page.getByRole('button', { name: 'Place orders' }).click();
      await status(/^Ordered from the reorder plan: \d+ purchase orders?\.$/).waitFor();
      await region('Purchase orders')
        .getByRole('link', { name: /^PO-\d{4}-\d{6}$/ })
        .first()
        .waitFor();
      const ordered = await api(
        'GET',
        `/stores/${storeId}/shopping-lists/${page.url().split('/').pop()}`,
      );
      expect(ordered.status).toBe('ordered');
      expect(ordered.purchaseOrders.length).toBeGreaterThan(0);
    },
  );

  step(
    'when an item runs out before its own slow supplier can deliver, then a list and the plan both buy it from the fast one at the same priority, and the plan places the order there',
    async () => {
      const store = `/stores/${storeId}`;
      const [, item] = await api('GET', `${store}/products/top-sellers?limit=2`);
      // Taken as not expiring: a perishable's order is capped at what sells before it expires,
      // which what the plans above ordered may already fill.
      const facts = await api('PATCH', `${store}/products/${item.id}`, { expiresAt: null });
      const slow = await api('POST', `${store}/suppliers`, {
        name: `Slow Wholesale ${run}`,
        leadTimeDays: 365,
      });
      const fast = await api('POST', `${store}/suppliers`, {
        name: `Swift Foods ${run}`,
        leadTimeDays: 1,
      });
      // What Swift charges: an order records its price (cancelled, it brings nothing).
      const offer = await api('POST', `${store}/purchase-orders`, {
        supplierId: fast.id,
        lines: [{ productId: item.id, quantity: 1, unitCost: 9.99 }],
      });
      await api('PATCH', `${store}/purchase-orders/${offer.id}/status`, { status: 'cancelled' });
      // Its own supplier is now the slow one, at 1.00; the reorder point is above what is on
      // the shelf and on order, so it is due in any case.
      const before = await api('GET', `${store}/predictions/${item.id}`);
      const onOrder =
        before.onOrder.quantity + before.onOrder.notCounted.reduce((n, l) => n + l.quantity, 0);
      await api('PATCH', `${store}/products/${item.id}`, {
        supplierId: slow.id,
        cost: 1,
        reorderPoint: facts.quantity + onOrder + 5,
      });
      expect(before.daysLeft).toBeLessThan(365);

      await storeTab('Reorder').click();
      await heading('Reorder lists').waitFor();
      await page.getByRole('link', { name: 'New reorder list' }).click();
      await heading('New reorder list').waitFor();
      const name = `Swift check ${run}`;
      await field('Name').fill(name);
      await field('Days ahead').fill('14');
      await page.getByRole('button', { name: 'Generate list' }).click();
      await heading(name).waitFor();
      fastList = page.url().split('/').pop();
      // Swift, or a demo supplier that already offers it and delivers in time: never the slow one.
      const listed = (await api('GET', `${store}/shopping-lists/${fastList}`)).items.find(
        (i) => i.product.id === item.id,
      );
      expect([slow.id, undefined]).not.toContain(listed.supplier?.id);
      const chosen = listed.supplier;
      const row = page
        .getByRole('table', { name: `Items from ${chosen.name}` })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: item.name, exact: true }) });
      // Before: the cheap slow supplier in the plan; a price in the reason every employee reads.
      await row.getByText(new RegExp(`${chosen.name} chosen: runs out`)).waitFor();
      await row.getByText(`${slow.name} would cost $1.00 a unit, but needs 365 days.`).waitFor();
      await expect(row.getByText(/\(\d+\.\d\d\)/).count()).resolves.toBe(0);
      await expectAccessible(page, 'a list that passed over a slow supplier');

      await storeTab('Reports').click();
      await page.getByRole('link', { name: 'Reorder within a budget' }).click();
      await field('Budget').fill('0.001');
      await page.getByRole('button', { name: 'Plan orders' }).click();
      await page.getByText('Enter an amount above 0, with at most 2 decimals.').waitFor();
      await field('Budget').fill('1000000');
      await page.getByRole('button', { name: 'Plan orders' }).click();
      await status(/ spent on \d+ products?\./).waitFor();
      const plan = page.getByRole('table', { name: 'Reorder plan' });
      const show = page.getByRole('button', { name: /^Show all/ });
      if (await show.count()) await show.click();
      const named = { has: page.getByRole('link', { name: item.name, exact: true }) };
      const line = plan.getByRole('row').filter(named);
      await line.waitFor();
      await expect(line.locator('td').nth(2).textContent()).resolves.toMatch(
        new RegExp(`^${chosen.name}\\d+ days? lead time`),
      );
      const priority = { urgent: 'Urgent', high: 'High', medium: 'Medium' }[listed.priority];
      await expect(line.locator('td').nth(1).textContent()).resolves.toBe(priority);
      // The product's own reorder point, Nimbus's suggestion beside it with why.
      await expect(line.locator('td').nth(4).textContent()).resolves.toMatch(
        new RegExp(`^${(facts.quantity + onOrder + 5).toLocaleString('en-US')}`),
      );

      await page.getByRole('button', { name: 'Place orders' }).click();
      await status(/^Ordered from the reorder plan: \d+ purchase orders?\.$/).waitFor();
      const ordered = await api('GET', `${store}/shopping-lists/${page.url().split('/').pop()}`);
      const order = ordered.purchaseOrders.find((o) => o.supplierId === chosen.id);
      expect(order).toBeDefined();
      const placed = await api('GET', `${store}/purchase-orders/${order.id}`);
      expect(placed.lines.map((l) => l.productId)).toContain(item.id);
      expect(ordered.purchaseOrders.some((o) => o.supplierId === slow.id)).toBe(false);
    },
  );

  step(
    'when an order is two months overdue, then the product page and the plan say it is not counted instead of hiding the product',
    async () => {
      const store = `/stores/${storeId}`;
      const [, , item] = await api('GET', `${store}/products/top-sellers?limit=3`);
      const facts = await api('GET', `${store}/products/${item.id}`);
      const supplier = await api('POST', `${store}/suppliers`, { name: `Late Co ${run}` });
      const due = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
      const late = await api('POST', `${store}/purchase-orders`, {
        supplierId: supplier.id,
        expectedAt: due,
        lines: [{ productId: item.id, quantity: 500, unitCost: facts.cost ?? 1 }],
      });
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}/products/${item.id}`);
      await heading(item.name).waitFor();
      const outlook = region('Stock outlook');
      // Before: counted as arriving today, 500 more days of stock and no word of the delay.
      await outlook
        .getByText(/500 (on order|more) overdue since .+, not counted: over 7 days late/)
        .waitFor();
      await outlook
        .getByRole('list', { name: 'On order' })
        .getByText(new RegExp(`^500 on ${late.orderNumber}, due .+: long overdue, not counted`))
        .waitFor();
      const prediction = await api('GET', `${store}/predictions/${item.id}`);
      expect(prediction.onOrder.notCounted).toEqual([
        expect.objectContaining({ purchaseOrderId: late.id, quantity: 500, why: 'overdue' }),
      ]);
      const plan = await api('POST', `${store}/optimization/reorder`, { budget: 100 });
      const line = plan.items.find((i) => i.productId === item.id);
      expect(line.reason).toMatch(
        /500 (on order|more) overdue since .+, not counted: over 7 days late/,
      );
      await expectAccessible(page, 'an order long overdue');
    },
  );

  step(
    'when a custom report is built and run, then its rows show, and a refused limit is explained next to its field',
    async () => {
      await storeTab('Reports').click();
      await page.getByRole('link', { name: 'Build a custom report' }).click();
      await heading('Custom report').waitFor();
      await field('Row limit').fill('5');
      await page.getByRole('button', { name: 'Run report' }).click();
      await status(/^\d+ rows?\.$/).waitFor();
      const result = page.getByRole('table', { name: 'Custom report' });
      expect(await result.getByRole('row').count()).toBeGreaterThan(1);
      await expectAccessible(page, 'custom report');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^custom-[a-z_]+-.*\.csv$/);
      const lines = fs
        .readFileSync(await download.path(), 'utf8')
        .trim()
        .split(/\r?\n/);
      expect(lines).toHaveLength(6); // the header and the 5 rows of the limit

      await field('Row limit').fill('0');
      await page.getByRole('button', { name: 'Run report' }).click();
      const limit = field('Row limit');
      await eventually(() => limit.getAttribute('aria-invalid'), 'true');
      const describedBy = await limit.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toMatch(/\S/);
    },
  );

  step(
    'when an employee signs in, then there is no Reports tab and the page says why',
    async () => {
      const own = await apiAs(ctx.server.baseUrl, employee, 'Corner Shop');
      expect(own.storeId).not.toBe(storeId);
      await api('POST', `/stores/${storeId}/members`, { email: employee.email, role: 'employee' });
      await ctx.context.clearCookies();
      await signIn(ctx, employee);
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}`);
      await heading(storeName).waitFor();
      const tabs = page.getByRole('navigation', { name: 'Store sections' }).getByRole('link');
      const names = await tabs.allTextContents();
      expect(names).toContain('Anomalies');
      expect(names).not.toContain('Reports');
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}/reports`);
      await page.getByText(/only managers, viewers and admins can open them/).waitFor();

      // The list that passed over the slow supplier: the reason in days, no price anywhere.
      await page.goto(`${ctx.server.baseUrl}/stores/${storeId}/shopping-lists/${fastList}`);
      await page
        .getByText(/ chosen: runs out/)
        .first()
        .waitFor();
      await expect(page.getByText(/would cost/).count()).resolves.toBe(0);
      await expect(page.getByText(/\$\d/).count()).resolves.toBe(0);
    },
  );
});
