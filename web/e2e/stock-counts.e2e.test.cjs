// A stock count on a phone (390×844): a manager starts a blind count of aisle 3, scans one
// product and picks another, a sale happens before posting, the differences are reviewed and
// posted, and the stock keeps both the count and the sale. Then expired stock is written off
// from the product list. axe checks each screen.
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Ines Duarte', email: `ines.${run}@example.com`, password: 'Shelf-Count-48' };
const storeName = 'Corner Grocer';

/** A valid EAN-13 from 12 digits. */
function ean13(body) {
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

describeWithBrowser('Nimbus web: a stock count on a phone', () => {
  const { ctx, step } = useJourney({ viewport: { width: 390, height: 844 }, touch: true });
  const { heading, field, status } = screen(ctx);
  let page;
  let api;
  const p = {};

  beforeAll(async () => {
    page = ctx.page;
    api = await apiAs(ctx.server.baseUrl, user, storeName);
    p.milk = await api.createProduct({
      name: 'Whole Milk 1 l',
      barcode: ean13(`4006${run.replace(/\D/g, '7').padEnd(8, '1').slice(0, 8)}`),
      cost: 0.8,
      price: 1.5,
      initialQuantity: 20,
      location: { aisle: '3', row: 'B', bin: '10' },
    });
    p.eggs = await api.createProduct({
      name: 'Free-range Eggs 6',
      price: 3,
      cost: 2.5,
      initialQuantity: 12,
      location: { aisle: '3', row: 'B', bin: '2' },
    });
    await api.createProduct({
      name: 'Nails 100',
      price: 4,
      initialQuantity: 50,
      location: { aisle: '4' },
    });
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    p.yogurt = await api.createProduct({
      name: 'Peach Yogurt',
      price: 1,
      initialQuantity: 5,
      expiresAt: past,
    });
  });

  step(
    'when a manager starts a blind count of aisle 3, then its products are listed by location with nothing expected shown',
    async () => {
      await signIn(ctx, user);
      await page.getByRole('button', { name: /^Sections/ }).click();
      await page
        .getByRole('navigation', { name: 'Store sections' })
        .getByRole('link', { name: 'Counts' })
        .click();
      await heading('Stock counts').waitFor();
      await field('Count').selectOption('aisle');
      await field('Aisle').selectOption('3');
      await expect(field('Blind count').isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Start count' }).click();
      await heading('Count: Aisle 3').waitFor();
      const lines = page.getByRole('list', { name: 'Products to count' }).getByRole('listitem');
      await expect(lines.allInnerTexts()).resolves.toEqual([
        expect.stringContaining('Free-range Eggs 6'),
        expect.stringContaining('Whole Milk 1 l'),
      ]);
      await expect(lines.filter({ hasText: 'Expected' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'counting a blind count on a phone');
    },
  );

  step(
    'when the milk is scanned and counted and the eggs are picked and counted, then each line says what was counted',
    async () => {
      await field('Barcode or SKU').fill(p.milk.barcode);
      await field('Barcode or SKU').press('Enter');
      const milkField = field(`Counted quantity of ${p.milk.name}`);
      await expect(milkField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await milkField.fill('18');
      await milkField.press('Enter');
      await status(`Counted 18 of ${p.milk.name}.`).waitFor();
      const eggsField = field(`Counted quantity of ${p.eggs.name}`);
      await eggsField.fill('12');
      await page.getByRole('button', { name: `Save count of ${p.eggs.name}` }).click();
      await status(`Counted 12 of ${p.eggs.name}.`).waitFor();
      await page.getByText('2 of 2 counted').waitFor();
    },
  );

  step(
    'when 5 milk are sold before posting, then the review shows only the 2 missing, posting keeps the sale, and the stock is 13',
    async () => {
      await api.call(
        'POST',
        `/stores/${api.storeId}/sales`,
        { items: [{ productId: p.milk.id, quantity: 5 }] },
        { 'idempotency-key': crypto.randomUUID() },
      );
      await page.getByRole('link', { name: 'Review differences' }).click();
      await heading('Differences: Aisle 3').waitFor();
      const milkRow = page
        .getByRole('table', { name: 'Count differences' })
        .getByRole('row')
        .filter({ hasText: p.milk.name });
      await expect(milkRow.innerText()).resolves.toMatch(/20\s+18\s+-2/);
      await expectAccessible(page, 'count differences on a phone');
      await page.getByRole('button', { name: 'Post 1 difference' }).click();
      await status('Posted: 1 stock change booked.').waitFor();
      await expect(api.getProduct(p.milk.id)).resolves.toEqual(
        expect.objectContaining({ quantity: 13 }),
      );
      await expect(api.getProduct(p.eggs.id)).resolves.toEqual(
        expect.objectContaining({ quantity: 12 }),
      );
    },
  );

  step(
    'when expired stock is listed, then "Write off expired" books it out through the ledger',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/products?status=expired`);
      await page.getByText('Expired stock: 5').waitFor();
      await expectAccessible(page, 'expired stock on the product list');
      await page.getByRole('button', { name: `Write off expired ${p.yogurt.name}` }).click();
      await page
        .getByRole('button', { name: `Confirm write off expired of ${p.yogurt.name}` })
        .click();
      await page.getByText('Expired stock: 5').waitFor({ state: 'detached' });
      await expect(api.getProduct(p.yogurt.id)).resolves.toEqual(
        expect.objectContaining({ quantity: 0 }),
      );
      const moves = await api.call(
        'GET',
        `/stores/${api.storeId}/products/${p.yogurt.id}/movements?reason=expired`,
      );
      expect(moves.data).toEqual([expect.objectContaining({ delta: -5, reason: 'expired' })]);
    },
  );
});
