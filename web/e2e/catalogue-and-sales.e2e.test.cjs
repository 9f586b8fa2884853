// A store's first day: set up the catalogue, ring up a sale with a (keyboard-wedge) barcode
// scanner (sent again by the till after a lost answer, and still sold once), and see the ledger, the product
// and the dashboard agree; then write the rest off and try to sell it anyway.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Lee Okafor', email: `lee.${run}@example.com`, password: 'Till-Roll-77' };
const storeName = 'Fresh Mart';
const product = {
  name: 'Sparkling Water 500 ml',
  sku: 'SPARK-500',
  barcode: '036000291452', // a valid UPC-A
  category: 'Beverages',
};
const SCAN_LABEL = 'Scan or search products';

describeWithBrowser('Nimbus web: catalogue, quick sale, stock and dashboard', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, alert, storeTab } = screen(ctx);
  const ids = {};
  const idempotencyKeys = { sales: [], adjustments: [] };
  let page;
  const region = (name) => page.getByRole('region', { name });

  beforeAll(() => {
    page = ctx.page;
    page.on('request', (req) => {
      if (req.method() !== 'POST') return;
      const { pathname } = new URL(req.url());
      const key = req.headers()['idempotency-key'];
      if (pathname.endsWith('/sales')) idempotencyKeys.sales.push(key);
      if (pathname.endsWith('/adjustments')) idempotencyKeys.adjustments.push(key);
    });
  });

  step('when a visitor registers with a store, then its empty dashboard opens', async () => {
    ids.store = await registerWithStore(ctx, user, storeName);
    await heading(storeName).waitFor();
    await page.getByText('Your dashboard will appear here').waitFor();
  });

  step('when the user creates a category, then it is listed', async () => {
    await storeTab('Categories').click();
    await heading('Categories').waitFor();
    await field('Category name').fill(product.category);
    await field('Category description').fill('Drinks, juices and water');
    await page.getByRole('button', { name: 'Create category' }).click();
    await status(`Category “${product.category}” created.`).waitFor();
    const table = page.getByRole('table', { name: 'Categories' });
    await table.getByRole('cell', { name: product.category, exact: true }).waitFor();
  });

  step(
    'when the user creates a product with a barcode and stock, then its page shows 10 on hand',
    async () => {
      await storeTab('Products').click();
      await heading('Products').waitFor();
      await page.getByRole('link', { name: 'New product' }).click();
      await heading('New product').waitFor();
      await field('Name').fill(product.name);
      await field('SKU').fill(product.sku);
      await field('Barcode').fill(product.barcode);
      await field('Category').selectOption({ label: product.category });
      await field('Price').fill('2.50');
      await field('Cost').fill('1.10');
      await field('Initial quantity').fill('10');
      await field('Reorder point').fill('3');
      await field('Aisle').fill('4');
      await page.getByRole('button', { name: 'Create product' }).click();

      await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
      ids.product = new URL(page.url()).pathname.split('/').pop();
      await heading(product.name).waitFor();
      await status('Product saved.').waitFor();
      await region('Stock on hand').getByText('10 units on hand').waitFor();
      await region('Product information').getByText(product.category).waitFor();
    },
  );

  step('when a second product reuses the SKU, then the SKU field says it is taken', async () => {
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/new`);
    await heading('New product').waitFor();
    await field('Name').fill('Still Water 500 ml');
    await field('SKU').fill(product.sku);
    await field('Price').fill('1.99');
    await page.getByRole('button', { name: 'Create product' }).click();

    await alert('Please correct the highlighted fields.').waitFor();
    await expect(field('SKU').getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await field('SKU').getAttribute('aria-describedby');
    const message = await page.locator(`[id="${describedBy}"]`).textContent();
    expect(message).toMatch(/SKU|already|exists|taken/i);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await heading('Products').waitFor();
  });

  step(
    'when the barcode is scanned twice on the quick sale page, then one line has quantity 2',
    async () => {
      await storeTab('Quick sale').click();
      await heading('Quick sale').waitFor();
      const scan = field(SCAN_LABEL);
      await expect(scan.evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
        true,
      );

      // A wedge scanner types fast and ends with Enter; the second scan starts at once.
      await scan.pressSequentially(product.barcode, { delay: 5 });
      await scan.press('Enter');
      await scan.pressSequentially(product.barcode, { delay: 5 });
      await scan.press('Enter');

      const quantity = field(`Quantity of ${product.name}`);
      // The first scan adds the line with 1; the second raises it to 2.
      await quantity.waitFor();
      await page.waitForFunction((input) => input.value === '2', await quantity.elementHandle());
      await expect(quantity.inputValue()).resolves.toBe('2');
      const lines = page.getByRole('table', { name: 'Sale lines' });
      await expect(lines.getByRole('row').count()).resolves.toBe(3); // header, one line, total
      await expect(lines.locator('tfoot').textContent()).resolves.toContain('5.00');
      await expect(scan.inputValue()).resolves.toBe('');
      await expect(scan.evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
        true,
      );
    },
  );

  step(
    'when the answer to "Complete sale" is lost, then the till keeps the sale and sends it again by itself, recorded once',
    async () => {
      // The server records the sale, but the connection drops before the answer arrives.
      // The till sends a kept sale again at once: a request may still be in this handler
      // when the route is removed, and is then simply let through.
      await page.route('**/api/v1/stores/*/sales', async (route) => {
        try {
          await route.fetch();
          await route.abort('connectionreset');
        } catch {
          // already handled (the route was removed meanwhile)
        }
      });
      await page.getByRole('button', { name: 'Complete sale' }).click();
      await page.getByText('1 sale waiting to send').waitFor();
      await page.getByText('No items yet.').waitFor();
      await page.unroute('**/api/v1/stores/*/sales');

      // Same lines, same Idempotency-Key: the server answers the first result again.
      const sent = status('A sale kept on this device has been sent');
      await sent.waitFor();
      await expect(sent.textContent()).resolves.toContain('5.00');
      await page.getByText('waiting to send').waitFor({ state: 'detached' });
      expect(idempotencyKeys.sales.length).toBeGreaterThanOrEqual(2);
      expect(idempotencyKeys.sales[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(idempotencyKeys.sales).size).toBe(1);
    },
  );

  step('when the product is opened, then it shows 8 on hand and a sale movement', async () => {
    await storeTab('Products').click();
    await page
      .getByRole('table', { name: 'Products' })
      .getByRole('link', { name: product.name })
      .click();
    await heading(product.name).waitFor();
    await region('Stock on hand').getByText('8 units on hand').waitFor();
    const movements = page.getByRole('table', { name: 'Stock movements' });
    const saleRow = movements.getByRole('row').filter({ hasText: 'Sale' });
    await saleRow.getByRole('cell', { name: '-2', exact: true }).waitFor();
    await saleRow.getByRole('cell', { name: '8', exact: true }).waitFor();
    await movements.getByRole('row').filter({ hasText: 'Initial stock' }).waitFor();
  });

  step('when the dashboard is opened, then its figures include the sale', async () => {
    await storeTab('Dashboard').click();
    await heading(storeName).waitFor();
    const figures = page.getByRole('list', { name: 'Key figures' });
    const units = figures.getByRole('link', { name: /Units on hand/ });
    await expect(units.textContent()).resolves.toMatch(/Units on hand\s*8$/);
    const revenue = figures.getByRole('link', { name: /Revenue, last 30 days/ });
    await expect(revenue.textContent()).resolves.toContain('5.00');
    await expect(revenue.textContent()).resolves.toContain('2 units sold in 1 sale');
    const topMovers = page.getByRole('table', { name: 'Top movers' });
    const row = topMovers.getByRole('row').filter({ hasText: product.name });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await page.getByRole('img', { name: /Revenue per day, last 30 days/ }).waitFor();
  });

  step(
    'when the price is edited, then the field history records the old and new value',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/${ids.product}`);
      await page.getByRole('link', { name: 'Edit product' }).click();
      await heading(`Edit ${product.name}`).waitFor();
      await expect(field('Price').inputValue()).resolves.toBe('2.50');
      await field('Price').fill('2.75');
      await page.getByRole('button', { name: 'Save product' }).click();

      await status('Product saved.').waitFor();
      await region('Product information').getByText('$2.75').waitFor();
      const history = page.getByRole('table', { name: 'Field history' });
      const row = history.getByRole('row').filter({ hasText: 'Price' });
      await row.getByText('2.75').waitFor();
      await row.getByRole('cell', { name: user.name }).waitFor();
      // Only what changed is sent, so nothing else shows up as edited.
      await expect(history.getByRole('row').count()).resolves.toBe(2);
    },
  );

  step('when 8 units are written off as damaged, then the product is out of stock', async () => {
    await heading(product.name).waitFor();
    await field('Quantity change').fill('-8');
    await field('Reason').selectOption({ label: 'Damaged' });
    await field('Adjustment note').fill('Crate dropped');
    await page.getByRole('button', { name: 'Adjust stock' }).click();

    await status('Stock adjusted by -8. Now 0 on hand.').waitFor();
    const stock = region('Stock on hand');
    await stock.getByText('0 units on hand').waitFor();
    await stock.getByText('Out of stock', { exact: true }).waitFor();
    await page
      .getByRole('table', { name: 'Stock movements' })
      .getByRole('row')
      .filter({ hasText: 'Damaged' })
      .filter({ hasText: 'Crate dropped' })
      .waitFor();
    expect(idempotencyKeys.adjustments).toHaveLength(1);
  });

  step(
    'when the product has run out, then Alerts lists it, the tab counts it and the dashboard says it needs attention',
    async () => {
      await storeTab('Alerts').click();
      await heading('Alerts').waitFor();
      await page.getByRole('button', { name: 'Check now' }).click();
      await status(/^Checked: \d+ open alerts?\.$/).waitFor();
      const row = page
        .getByRole('table', { name: 'Alerts' })
        .getByRole('row')
        .filter({ hasText: `${product.name} is out of stock` });
      await row.getByRole('cell', { name: 'Out of stock', exact: true }).waitFor();
      await row.getByRole('link', { name: `${product.name} is out of stock` }).waitFor();
      await expect(storeTab('Alerts').textContent()).resolves.toMatch(/^Alerts\d+: \d+ open$/);
      await expectAccessible(page, 'alerts');

      await storeTab('Dashboard').click();
      // Today's sales so far, each figure a link to today's sales.
      const today = region('Today');
      await today.getByRole('link', { name: /^\d+ sales?, \d+ units?/ }).waitFor();
      await today.getByText(/^No earlier \w+day to compare with yet\.$/).waitFor();
      const card = region('Needs attention');
      await card.getByRole('link', { name: /^\d+ out of stock$/ }).click();
      await page.waitForURL(/\/alerts\?kind=out_of_stock$/);
      await expect(field('Kind').inputValue()).resolves.toBe('out_of_stock');
      await page.getByRole('link', { name: `${product.name} is out of stock` }).waitFor();
    },
  );

  step(
    'when the alert opens, then the bell counts it, the notification leads to the product, and it can be read and turned off',
    async () => {
      // (The bell's parts are flex items: the accessible name may space them.)
      const bell = page.getByRole('link', { name: /^Notifications\s*:\s*\d+ unread$/ });
      await bell.click();
      await heading('Notifications').waitFor();
      const item = page
        .getByRole('list', { name: 'Notifications' })
        .getByRole('listitem')
        .filter({ hasText: `${product.name} is out of stock` });
      await item.getByText('(unread)').waitFor({ state: 'attached' });
      await expectAccessible(page, 'notifications');
      await item.getByRole('button', { name: /^Mark read/ }).click();
      await item.getByText('(unread)').waitFor({ state: 'detached' });
      await expect(item.getByRole('button', { name: /^Mark read/ }).count()).resolves.toBe(0);

      const never = page.getByRole('combobox', { name: 'Out of stock: in the app' });
      await never.selectOption('off');
      await page.getByRole('button', { name: 'Save choices' }).click();
      await status('Your choices are saved.').waitFor();
      await page.reload();
      await heading('Notifications').waitFor();
      await expect(
        page.getByRole('combobox', { name: 'Out of stock: in the app' }).inputValue(),
      ).resolves.toBe('off');

      await item.getByRole('link', { name: `${product.name} is out of stock` }).click();
      await heading(product.name).waitFor();
    },
  );

  step(
    'when the dashboard’s out-of-stock figure is followed, then the list shows the product',
    async () => {
      await storeTab('Dashboard').click();
      const outOfStock = page.getByRole('link', { name: /Out of stock/ });
      await expect(outOfStock.textContent()).resolves.toMatch(/Out of stock\s*1/);
      await outOfStock.click();
      await page.waitForURL(/status=out_of_stock/);
      await expect(field('Stock status').inputValue()).resolves.toBe('out_of_stock');
      const row = page
        .getByRole('table', { name: 'Products' })
        .getByRole('row')
        .filter({ hasText: product.name });
      await row.getByText('Out of stock', { exact: true }).waitFor();
    },
  );

  step(
    'when an out-of-stock product is sold by its SKU, then its line says how many are available',
    async () => {
      await storeTab('Quick sale').click();
      const scan = field(SCAN_LABEL);
      // Not a barcode: the lookup misses and the exact SKU match from the product search wins.
      await scan.fill(product.sku.toLowerCase());
      await scan.press('Enter');
      await field(`Quantity of ${product.name}`).waitFor();
      await page.getByRole('button', { name: 'Complete sale' }).click();

      await alert('Not enough stock').waitFor();
      const line = page
        .getByRole('table', { name: 'Sale lines' })
        .getByRole('row')
        .filter({ hasText: product.name });
      await line.getByText('Only 0 available').waitFor();
      // A new sale, a new key; the refusal is shown, not queued.
      expect(idempotencyKeys.sales.at(-1)).not.toBe(idempotencyKeys.sales[0]);
      await expect(page.getByText('waiting to send').count()).resolves.toBe(0);
    },
  );

  step(
    'when the sales list is filtered to today, then it lists the sale; an inverted range asks the API nothing',
    async () => {
      const asked = [];
      const record = (req) => {
        if (/\/api\/v1\/stores\/[^/]+\/sales\?/.test(req.url())) asked.push(new URL(req.url()));
      };
      page.on('request', record);
      await storeTab('Sales').click();
      // The store keeps UTC (the default), so "today" is the UTC date; the SPA sends the plain
      // day and the API reads it in the store's time zone.
      const today = new Date().toISOString().slice(0, 10);
      const filtered = page.waitForResponse(
        (r) => r.url().includes(`dateFrom=${today}&dateTo=${today}`) && r.status() === 200,
      );
      await field('From').fill(today);
      await field('To').fill(today);
      await filtered;
      await page.getByRole('table', { name: 'Sales' }).getByRole('row').nth(1).waitFor();

      await field('From').fill('2999-01-01');
      await page.getByText('The start date is after the end date.').waitFor();
      await page.waitForTimeout(300);
      page.off('request', record);
      expect(asked.filter((u) => u.searchParams.get('dateFrom') === '2999-01-01')).toEqual([]);
    },
  );
});
