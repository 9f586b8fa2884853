// A manager receives a supplier's invoice for goods that came with it: uploads the CSV,
// reviews how its lines matched (accepts a suggestion, picks another product, skips a
// charge), says "receive now" for each (nothing was received before: the review does not
// choose it for them), reconciles it once, and the products' stock went up. Products are set
// up through the API; the screens are under test. (invoices-three-way.e2e.test.cjs: goods
// received at the door first.)
const crypto = require('node:crypto');
const fs = require('node:fs');
const { expectAccessible } = require('./support/axe.cjs');
const { signIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Noor Haddad', email: `noor.${run}@example.com`, password: 'Invoice-Desk-42' };
const storeName = 'Harbour Deli';
const products = {
  whole: { name: 'Organic Whole Milk 1L', sku: 'MLK-1', price: 2.5, cost: 1, initialQuantity: 4 },
  skim: { name: 'Organic Skim Milk 1L', sku: 'MLK-2', price: 2.4, cost: 1, initialQuantity: 2 },
  water: { name: 'Sparkling Water 1.5L', sku: 'WTR-15', price: 1.2, cost: 0.4 },
};
const invoiceCsv = [
  'Supplier,Dairy Direct',
  'Invoice No,DD-4471,Date,2026-11-20,Due Date,2026-12-20',
  '',
  'SKU,Description,Qty,Unit Cost,Total',
  'MLK-1,Whole milk,12,1.00,12.00',
  ',Organic Milk 1L,6,1.00,6.00',
  ',Fizzy H2O big,10,0.40,4.00',
  ',Delivery charge,1,5.00,5.00',
  'LEM-330,Lemon Soda 330ml,24,0.30,7.20',
].join('\n');

describeWithBrowser('Nimbus web: supplier invoices', () => {
  const { ctx, step } = useJourney();
  const { heading, field, storeTab } = screen(ctx);
  const ids = {};
  let page;
  /** The API as the signed-in user (support/api.cjs). */
  let api;

  const line = (name) => page.getByRole('article', { name: new RegExp(`^Line \\d+: ${name}`) });

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when a manager uploads a CSV invoice, then its lines are shown with their matches',
    async () => {
      ids.store = await registerWithStore(ctx, user, storeName);
      api = await signIn(ctx.server.baseUrl, user);
      for (const [key, body] of Object.entries(products))
        ids[key] = (await api('POST', `/stores/${ids.store}/products`, body)).id;

      await storeTab('Invoices').click();
      await heading('Invoices').waitFor();
      await page.getByText('No invoices uploaded yet.').waitFor();
      await expectAccessible(page, 'the invoices list');
      // A file that is not an invoice: the server's reason, in words.
      await field('Invoice file (CSV, XLSX, PDF, or a scan as PNG or JPEG)').setInputFiles({
        name: 'notes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Item,Notes\nMilk,fresh\n'),
      });
      await page.getByRole('button', { name: 'Upload and match' }).click();
      await page.getByRole('alert').filter({ hasText: 'No line table found' }).waitFor();

      await field('Invoice file (CSV, XLSX, PDF, or a scan as PNG or JPEG)').setInputFiles({
        name: 'dairy-direct.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(invoiceCsv),
      });
      await page.getByRole('button', { name: 'Upload and match' }).click();
      await heading('Invoice DD-4471').waitFor();
      // The invoice keeps the file it was read from, byte for byte.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Original file (dairy-direct.csv)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('dairy-direct.csv');
      expect(fs.readFileSync(await download.path(), 'utf8')).toBe(invoiceCsv);
      await line('Whole milk').getByText('Exact SKU match').waitFor();
      await line('Organic Milk 1L').getByText('Not matched: choose a product or skip').waitFor();
      await expect(page.getByRole('button', { name: 'Reconcile' }).isDisabled()).resolves.toBe(
        true,
      );
      // The matched milk too: nothing was received yet, so it waits for "receive now" or "skip"
      // ("already received" is not offered: there is nothing to match).
      await page.getByText('5 lines still to decide').waitFor();
      await line('Whole milk')
        .getByText(
          'Nothing of it was received that is not invoiced yet: choose receive now or skip.',
        )
        .waitFor();
      await expectAccessible(page, 'the matching review');
    },
  );

  step(
    'when a suggestion is accepted, another product picked, one created from a line and a charge skipped, then every line is decided',
    async () => {
      await line('Organic Milk 1L')
        .getByRole('button', { name: /^Use Organic Skim Milk 1L \(/ })
        .click();
      await line('Organic Milk 1L').getByText('Chosen by you').waitFor();

      await line('Fizzy H2O big')
        .getByRole('button', { name: /^Pick a product/ })
        .click();
      const picker = line('Fizzy H2O big').getByRole('combobox');
      // A scanner types a code and Enter: one that names no product says so.
      await picker.fill('NOPE-404');
      await picker.press('Enter');
      await line('Fizzy H2O big')
        .getByText('No product has the barcode or SKU “NOPE-404”.')
        .waitFor();
      await picker.fill('Sparkling');
      await page.getByRole('option', { name: /Sparkling Water 1\.5L/ }).click();
      await line('Fizzy H2O big').getByText(products.water.name).waitFor();

      await line('Lemon Soda 330ml')
        .getByRole('button', { name: /^Create product/ })
        .click();
      const create = page.getByRole('dialog', { name: 'Create a product from this line' });
      await create.waitFor();
      await expect(create.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(
        'Lemon Soda 330ml',
      );
      await expect(create.getByLabel('SKU', { exact: true }).inputValue()).resolves.toBe('LEM-330');
      await expect(create.getByLabel('Cost', { exact: true }).inputValue()).resolves.toBe('0.3');
      await create.getByRole('button', { name: 'Create product' }).click();
      await create.getByText('Enter the selling price, for example 2.49.').waitFor();
      await create.getByLabel('Selling price', { exact: true }).fill('0.99');
      await expectAccessible(page, 'the create-product dialog');
      await create.getByRole('button', { name: 'Create product' }).click();
      await line('Lemon Soda 330ml')
        .getByText(/Created from this line/)
        .waitFor();

      await line('Delivery charge').getByRole('button', { name: /^Skip/ }).click();
      await line('Delivery charge').getByText('Skipped: nothing received').waitFor();
      await page.getByText('4 lines still to decide').waitFor();
      for (const name of ['Whole milk', 'Organic Milk 1L', 'Fizzy H2O big', 'Lemon Soda 330ml'])
        await line(name)
          .getByRole('radio', { name: /^Receive now/ })
          .check();
      await page.locator('button:has-text("Reconcile"):not([disabled])').waitFor();
    },
  );

  step(
    'when the invoice is reconciled after the confirmation, then the stock went up',
    async () => {
      await page.getByRole('button', { name: 'Reconcile' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reconcile this invoice?' });
      await dialog.waitFor();
      await dialog
        .getByText('52 units of 4 products will be received into stock; 1 line skipped.')
        .waitFor();
      await dialog.getByText(`6 × ${products.skim.name}`).waitFor();
      await expectAccessible(page, 'the reconcile dialog');
      await dialog.getByRole('button', { name: 'Receive and reconcile' }).click();
      await page.getByText(/^Reconciled .* by Noor Haddad\./).waitFor();
      await expect(page.getByRole('button', { name: 'Reconcile' }).count()).resolves.toBe(0);
      await line('Lemon Soda 330ml').getByText('24 units received into stock.').waitFor();

      const stock = async (id) =>
        (await api('GET', `/stores/${ids.store}/products/${id}`)).quantity;
      await expect(stock(ids.whole)).resolves.toBe(16);
      await expect(stock(ids.skim)).resolves.toBe(8);
      await expect(stock(ids.water)).resolves.toBe(10);

      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/${ids.skim}`);
      await heading(products.skim.name).waitFor();
      await page
        .getByRole('region', { name: 'Stock on hand' })
        .getByText('8 units on hand')
        .waitFor();
    },
  );

  step('when the invoice is marked paid, then the list shows it paid', async () => {
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/invoices`);
    const row = page
      .getByRole('table', { name: 'Invoices' })
      .getByRole('row')
      .filter({ hasText: 'DD-4471' });
    await row.getByText('Pending').waitFor();
    await row.getByRole('link', { name: 'Invoice DD-4471' }).click();
    await heading('Invoice DD-4471').waitFor();
    await page.getByRole('button', { name: 'Mark as paid' }).click();
    await page.getByRole('button', { name: 'Mark as unpaid' }).waitFor();
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/invoices?status=paid`);
    await page
      .getByRole('table', { name: 'Invoices' })
      .getByRole('row')
      .filter({ hasText: 'DD-4471' })
      .getByText('Paid')
      .waitFor();
    await expectAccessible(page, 'the paid invoices');
  });
});
