// Money is for those who may view reports: an employee's dashboard shows units and counts, and
// the cards that would be money are left out or say so, while the owner still sees them. The
// same rule everywhere else an employee looked (issue 16, defect 11): a product's cost, the
// purchase orders' prices and totals, a supplier's spend and last costs, a reorder list's
// estimates. Distinct amounts (cost 1.37, an order of 12 = 16.44) are looked for on each screen.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { apiAs } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Ana Pires', email: `ana.${run}@example.com`, password: 'Fig-Jam-4721' };
const clerk = { name: 'Tom Reis', email: `tom.${run}@example.com`, password: 'Shelf-Stack-88' };
const storeName = 'Pires Grocers';

const COSTS = /1\.37|16\.44|2\.74|Unit cost|Last cost|Ordered value|Estimated|Cost\b/;

describeWithBrowser('Nimbus web: no money for an employee, on the dashboard or anywhere', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status } = screen(ctx);
  const ids = {};

  /** The main content's text, for what must not be on a screen. */
  const mainText = () => ctx.page.locator('main').innerText();

  beforeAll(async () => {
    const api = await apiAs(ctx.server.baseUrl, owner, storeName);
    const store = (path) => `/stores/${api.storeId}${path}`;
    ids.store = api.storeId;
    const supplier = (await api.call('POST', store('/suppliers'), { name: 'Leafline Traders' }))
      .data;
    ids.supplier = supplier.id;
    const tea = await api.createProduct({
      name: 'Black Tea',
      price: 4,
      cost: 1.37,
      reorderPoint: 30, // 7 in stock + 12 on order stays under it: listed
      supplierId: supplier.id,
      initialQuantity: 10,
    });
    ids.tea = tea.id;
    // Expected two days ago (UTC): due by the store's today, whatever its time zone.
    const expectedAt = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const order = (
      await api.call('POST', store('/purchase-orders'), {
        supplierId: supplier.id,
        expectedAt,
        lines: [{ productId: tea.id, quantity: 12, unitCost: 1.37 }],
      })
    ).data;
    ids.order = order.id;
    await api.call('PATCH', store(`/purchase-orders/${order.id}/status`), {
      status: 'processing',
    });
    await api.call('POST', `/stores/${api.storeId}/sales`, {
      items: [{ productId: tea.id, quantity: 3 }],
    });
    ids.list = (
      await api.call('POST', store('/shopping-lists/generate'), { name: 'Tea run', criteria: {} })
    ).data.id;
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clerk),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status}`);
    await api.call('POST', `/stores/${api.storeId}/members`, {
      email: clerk.email,
      role: 'employee',
    });
  });

  step('when an employee opens the dashboard, then it shows units and no money', async () => {
    const page = ctx.page;
    await signIn(ctx, clerk);
    await heading(storeName).waitFor();
    const figures = page.getByRole('list', { name: 'Key figures' });
    const sold = figures.getByRole('link', { name: /Units sold, last 30 days/ });
    await expect(sold.textContent()).resolves.toMatch(/Units sold, last 30 days\s*3/);
    await expect(
      figures.getByRole('link', { name: /Inventory value|Revenue/ }).count(),
    ).resolves.toBe(0);
    await page.getByRole('img', { name: /Units sold per day, last 30 days/ }).waitFor();
    // Review of issue 16, finding 17: no money columns at all (were "Revenue" and "Retail
    // value" columns of dashes): the tables show units and shares.
    const movers = page.getByRole('table', { name: 'Top movers' });
    const row = movers.getByRole('row').filter({ hasText: 'Black Tea' });
    await expect(row.innerText()).resolves.toMatch(/Black Tea[\s\S]*\b3$/);
    await expect(movers.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Product',
      'Units sold',
    ]);
    const categories = page.getByRole('table', { name: 'Stock by category' });
    await expect(categories.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Category',
      'Products',
      'Units',
      'Share',
    ]);
    await page.getByText('Show the numbers').click();
    await expect(
      page
        .getByRole('table', { name: 'Sales per day' })
        .getByRole('columnheader')
        .allTextContents(),
    ).resolves.toEqual(['Day', 'Sales', 'Units']);
    await expect(mainText()).resolves.not.toMatch(/—|revenue|retail value|\$/i);
    await expectAccessible(page, 'dashboard, employee');
  });

  step('when the employee opens the tea, then it shows its price and no cost', async () => {
    const page = ctx.page;
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/${ids.tea}`);
    await heading('Black Tea').waitFor();
    const info = page.getByRole('region', { name: 'Product information' });
    await info.getByText('$4.00').waitFor();
    await expect(info.innerText()).resolves.not.toMatch(/Cost/);
    await expect(mainText()).resolves.not.toMatch(COSTS);
  });

  step('when the employee downloads two shelf labels of the tea, then a PDF comes', async () => {
    const page = ctx.page;
    const labels = page.getByRole('region', { name: 'Labels' });
    await labels.getByLabel('Copies').fill('2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      labels.getByRole('button', { name: 'Download labels' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^labels-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = require('node:fs').readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'a product with its labels card, employee');
  });

  step(
    'when the employee edits the tea, then there is no cost field and the save works',
    async () => {
      const page = ctx.page;
      await page.getByRole('link', { name: 'Edit product' }).click();
      await heading('Edit Black Tea').waitFor();
      await expect(page.getByLabel('Cost', { exact: true }).count()).resolves.toBe(0);
      await field('Price').fill('4.20');
      await page.getByRole('button', { name: 'Save product' }).click();
      await status('Product saved.').waitFor();
      await expect(mainText()).resolves.not.toMatch(COSTS);
    },
  );

  step(
    'when the employee follows the dashboard to the deliveries due and opens one order, then no prices or totals show',
    async () => {
      const page = ctx.page;
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}`);
      await page.getByRole('link', { name: '1 delivery due by today, not yet received' }).click();
      await heading('Purchase orders').waitFor();
      await page.getByRole('button', { name: /^Due by .* \(remove this filter\)$/ }).waitFor();
      const table = page.getByRole('table', { name: 'Purchase orders' });
      await table.getByRole('row').filter({ hasText: 'Leafline Traders' }).waitFor();
      await expect(table.getByRole('row').count()).resolves.toBe(2); // the header and the order
      await expect(table.getByRole('columnheader', { name: 'Total' }).count()).resolves.toBe(0);
      await expect(mainText()).resolves.not.toMatch(COSTS);

      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/purchase-orders/${ids.order}`);
      await heading(/^Purchase order PO-/).waitFor();
      await page.getByRole('table', { name: 'Order lines' }).getByText('Black Tea').waitFor();
      await expect(mainText()).resolves.not.toMatch(/total|Total|\$/);
      await expect(mainText()).resolves.not.toMatch(COSTS);
      await expectAccessible(page, 'a purchase order, employee');
    },
  );

  step(
    'when the employee opens the supplier, then its deliveries show but not what was spent',
    async () => {
      const page = ctx.page;
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/suppliers/${ids.supplier}`);
      await heading('Leafline Traders').waitFor();
      await page.getByRole('list', { name: 'Key figures' }).getByText('On-time delivery').waitFor();
      await page.getByRole('table', { name: 'Products supplied' }).getByText('Black Tea').waitFor();
      await expect(mainText()).resolves.not.toMatch(COSTS);
      await expect(mainText()).resolves.not.toMatch(/\$/);
    },
  );

  step(
    'when the employee opens the reorder list, then quantities show and no estimates',
    async () => {
      const page = ctx.page;
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/shopping-lists/${ids.list}`);
      await heading('Tea run').waitFor();
      await page.getByLabel('Quantity of Black Tea').waitFor();
      await expect(mainText()).resolves.not.toMatch(COSTS);
      await expectAccessible(page, 'a reorder list, employee');
    },
  );

  step('when the owner opens the dashboard, then the money columns are there', async () => {
    const page = ctx.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await signIn(ctx, owner);
    await heading(storeName).waitFor();
    const movers = page.getByRole('table', { name: 'Top movers' });
    // The table is there once the dashboard's figures are (allTextContents does not wait).
    await movers.getByRole('row').filter({ hasText: 'Black Tea' }).getByText('$12.00').waitFor();
    await expect(movers.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Product',
      'Units sold',
      'Revenue',
    ]);
    await page
      .getByRole('table', { name: 'Stock by category' })
      .getByRole('columnheader', { name: 'Retail value' })
      .waitFor();
    await page.getByText('Show the numbers').click();
    await page
      .getByRole('table', { name: 'Sales per day' })
      .getByRole('columnheader', { name: 'Revenue' })
      .waitFor();
  });
});
