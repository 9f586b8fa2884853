// Bulk catalogue work: validate a spreadsheet (nothing is written), import it, and export the
// catalogue through the API client (so the download carries the bearer token).
const crypto = require('node:crypto');
const fs = require('node:fs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Ana Ruiz', email: `ana.${run}@example.com`, password: 'Bulk-Load-55' };

describeWithBrowser('Nimbus web: product import and export', () => {
  const { ctx, step } = useJourney();
  const { heading, field, storeTab } = screen(ctx);
  let page;
  const region = (name) => page.getByRole('region', { name });
  // A figure of an import summary: the <dd> right after its <dt>.
  const figure = (summary, label) =>
    summary.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');

  let exported = '';
  /** Opens the product list, searches for the name and returns its row. */
  async function findProductRow(name) {
    await storeTab('Products').click();
    await field('Search products').fill(name);
    // The search is sent after a pause: wait until the list shows only what it found, or a
    // click meant for the row lands on the list it replaces.
    await page.waitForFunction((text) => {
      // Runs in the page: globalThis is its window.
      const table = globalThis.document.querySelector('table[aria-label="Products"]');
      const rows = table ? [...table.querySelectorAll('tbody tr')] : [];
      return rows.length > 0 && rows.every((r) => r.textContent.includes(text));
    }, name);
    return page.getByRole('table', { name: 'Products' }).getByRole('row').filter({ hasText: name });
  }
  beforeAll(() => {
    page = ctx.page;
  });

  step('when a user with a new store opens import and export, then the wizard shows', async () => {
    await registerWithStore(ctx, user, 'Bulk Barn');
    await storeTab('Products').click();
    await page.getByRole('link', { name: 'Import / export' }).click();
    await heading('Import and export products').waitFor();
    await expectAccessible(page, 'import and export');
  });

  step(
    'when a CSV is validated and then imported, then bad rows are reported and good ones added',
    async () => {
      const csv = [
        'sku,name,price,category,quantity',
        'LEMON-330,Lemonade 330 ml,1.20,Beverages,24',
        'BAD-1,Broken row,not-a-price,Beverages,1',
      ].join('\n');
      await field('Product file (CSV or XLSX)').setInputFiles({
        name: 'products.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });

      await page.getByRole('button', { name: 'Validate' }).click();
      const validation = region('Validation result');
      await validation.waitFor();
      const errorRow = validation
        .getByRole('table', { name: 'Row errors' })
        .getByRole('row')
        .filter({ hasText: 'price' });
      await errorRow.getByRole('cell', { name: '3', exact: true }).waitFor();
      await expect(figure(validation, 'Would create').textContent()).resolves.toBe('1');
      await expect(figure(validation, 'With errors').textContent()).resolves.toBe('1');
      await expectAccessible(page, 'import, validated');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const result = region('Import result');
      await result.waitFor();
      await expect(figure(result, 'Created').textContent()).resolves.toBe('1');

      const row = await findProductRow('Lemonade 330 ml');
      await row.getByRole('cell', { name: '24', exact: true }).waitFor();
      await expectAccessible(page, 'products');
    },
  );

  step(
    'when the catalogue is exported as CSV, then the file downloads with the bearer token',
    async () => {
      await page.goBack();
      await heading('Import and export products').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
      exported = fs.readFileSync(await download.path(), 'utf8');
      expect(exported).toContain('LEMON-330');
    },
  );

  step(
    'when the export is re-imported with a new price and a stale quantity, then the price changes and the stock stays',
    async () => {
      const [header, ...lines] = exported.trim().split(/\r?\n/);
      const columns = header.split(',');
      const edited = lines.map((line) => {
        const cells = line.split(',');
        if (!line.startsWith('LEMON-330')) return line;
        cells[columns.indexOf('price')] = '1.50';
        cells[columns.indexOf('quantity')] = '99';
        return cells.join(',');
      });
      await field('Product file (CSV or XLSX)').setInputFiles({
        name: 'prices.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...edited].join('\n')),
      });
      await page.getByLabel('Update the existing product (update existing)').check();
      await page.getByText('Existing products keep their stock').waitFor();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const result = region('Import result');
      await result.waitFor();
      await expect(figure(result, 'Updated').textContent()).resolves.toBe('1');

      const row = await findProductRow('Lemonade 330 ml');
      await row.getByRole('cell', { name: '24', exact: true }).waitFor();
      await row.getByText('1.50').waitFor();
      await page.goBack();
      await heading('Import and export products').waitFor();
    },
  );

  step(
    'when a never-sold product is deleted, then the list opens without asking for the deleted product',
    async () => {
      const failed = [];
      const watch = (res) => {
        if (res.url().includes('/api/') && res.status() >= 400) failed.push(res.url());
      };
      const row = await findProductRow('Lemonade 330 ml');
      await row.getByRole('link', { name: 'Lemonade 330 ml' }).click();
      await heading('Lemonade 330 ml').waitFor();
      page.on('response', watch);
      await page.getByRole('button', { name: 'Delete Lemonade 330 ml' }).click();
      await page.getByRole('button', { name: 'Confirm delete of Lemonade 330 ml' }).click();
      await page.waitForURL(/\/products$/);
      await page.waitForTimeout(300);
      page.off('response', watch);
      expect(failed).toEqual([]);
      await page.getByRole('link', { name: 'Import / export' }).click();
      await heading('Import and export products').waitFor();
    },
  );

  step(
    'when a large file is imported, then it runs as a job whose progress is polled to the end',
    async () => {
      const jobPolls = [];
      page.on('request', (req) => {
        if (/\/api\/v1\/stores\/[^/]+\/jobs\//.test(req.url())) jobPolls.push(req.url());
      });
      // Over the server's inline limit (256 KB): answered 202 with a job id.
      const filler = 'A long description so the file passes the inline import limit. '.repeat(2);
      const rows = Array.from(
        { length: 2500 },
        (_, i) => `BULK-${i + 1},Bulk item ${i + 1},1.00,5,"${filler}"`,
      );
      // In stock: 2,500 products out of stock would bury the next step's notification.
      const csv = ['sku,name,price,quantity,description', ...rows].join('\n');
      expect(Buffer.byteLength(csv)).toBeGreaterThan(256 * 1024);

      await page.reload();
      await heading('Import and export products').waitFor();
      await field('Product file (CSV or XLSX)').setInputFiles({
        name: 'bulk.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();

      await page
        .getByRole('status')
        .filter({ hasText: 'Import finished.' })
        .waitFor({ timeout: 60_000 });
      await expect(figure(region('Import result'), 'Created').textContent()).resolves.toBe('2,500');
      expect(jobPolls.length).toBeGreaterThan(0);
    },
  );

  step(
    'when the import job has finished, then its starter is told, and the notification leads to the job and on to the products',
    async () => {
      await page.getByRole('link', { name: /^Notifications/ }).click();
      await heading('Notifications').waitFor();
      // Made by the outbox publisher once the job's outcome is published: a moment after.
      const item = page
        .getByRole('list', { name: 'Notifications' })
        .getByRole('listitem')
        .filter({ hasText: 'Product import finished' });
      for (let tries = 0; (await item.count()) === 0 && tries < 40; tries++) {
        await page.waitForTimeout(250);
        await page.reload();
        await heading('Notifications').waitFor();
      }
      await item.getByText('Your import, report or recalculation done').waitFor();
      await item.getByRole('link', { name: 'Product import finished' }).click();
      await heading('Product import').waitFor();
      await page
        .getByText('2,500 created, 0 updated, 0 skipped, 0 failed of 2,500 rows.')
        .waitFor();
      await expectAccessible(page, 'job');
      await page.getByRole('link', { name: 'See the products' }).click();
      await heading('Products').waitFor();
    },
  );
});
