// An owner of two stores moves stock between them: a transfer is written in the first store
// with the product picker, sent (the units leave its stock and are in transit), and received
// in the second store with the units counted (one short: the difference is recorded), and the
// stock moves on both sides. Set-up goes through the API; what is under test is the screens.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { signIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Amara Osei', email: `amara.${run}@example.com`, password: 'Two-Shops-Van-4' };
const first = 'Harbour Deli';
const second = 'Hilltop Deli';
const tea = { sku: `TEA-${run}`, name: 'Green Tea 50 bags', price: 4, cost: 1.5 };

describeWithBrowser('Nimbus web: transfers between stores', () => {
  const { ctx, step } = useJourney();
  const { heading, field, storeTab } = screen(ctx);
  const ids = {};
  let page;
  let api;

  beforeAll(() => {
    page = ctx.page;
  });

  step('when an owner of two stores opens Transfers, then the list is empty', async () => {
    ids.a = await registerWithStore(ctx, user, first);
    api = await signIn(ctx.server.baseUrl, user);
    ids.b = (await api('POST', '/stores', { name: second })).id;
    ids.teaA = (await api('POST', `/stores/${ids.a}/products`, { ...tea, initialQuantity: 10 })).id;
    // The other store's tea: the same SKU, its own name and stock.
    ids.teaB = (
      await api('POST', `/stores/${ids.b}/products`, {
        ...tea,
        sku: tea.sku.toLowerCase(),
        name: 'Tea, green (50)',
        initialQuantity: 1,
      })
    ).id;
    // The new store joins the user's memberships on the next load.
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.a}`);
    await storeTab('Transfers').click();
    await heading('Transfers').waitFor();
    await page.getByText('No transfers yet.').waitFor();
    await expectAccessible(page, 'the empty transfer list');
  });

  step(
    'when a transfer is written with the picker and sent, then the units leave this store and are in transit',
    async () => {
      await page.getByRole('link', { name: 'New transfer' }).click();
      await heading('New transfer').waitFor();
      await field('Send to').selectOption({ label: second });
      await field('Add a product').fill('Green');
      await page.getByRole('option', { name: /Green Tea 50 bags/ }).click();
      await field(`Units of ${tea.name} to send`).fill('4');
      await expectAccessible(page, 'the new transfer form');
      await page.getByRole('button', { name: 'Save draft' }).click();

      await heading(`Transfer to ${second}`).waitFor();
      await page.locator('.page-header .badge').filter({ hasText: 'Draft' }).waitFor();
      ids.transfer = new URL(page.url()).pathname.split('/').pop();
      expect((await api('GET', `/stores/${ids.a}/products/${ids.teaA}`)).quantity).toBe(10);
      await page.getByRole('button', { name: 'Send transfer' }).click();
      await page.getByRole('button', { name: 'Send transfer' }).waitFor({ state: 'detached' });
      await page.locator('.page-header .badge').filter({ hasText: 'In transit' }).waitFor();
      const lines = page.getByRole('table', { name: 'Transfer lines' });
      await lines
        .getByRole('row')
        .filter({ hasText: tea.name })
        .getByRole('cell', { name: '4', exact: true })
        .first()
        .waitFor();
      expect((await api('GET', `/stores/${ids.a}/products/${ids.teaA}`)).quantity).toBe(6);
      expect((await api('GET', `/stores/${ids.b}/products/${ids.teaB}`)).quantity).toBe(1);
      await expectAccessible(page, 'a sent transfer');
    },
  );

  step(
    'when the other store receives it with one unit short, then 3 come into its stock and the difference is recorded',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.b}/transfers`);
      await heading('Transfers').waitFor();
      await field('Direction').selectOption({ label: 'Coming to this store' });
      const row = page
        .getByRole('table', { name: 'Transfers' })
        .getByRole('row')
        .filter({ hasText: `From ${first}` });
      await row.getByText('In transit').waitFor();
      await row.getByRole('link').click();
      await heading(`Transfer from ${first}`).waitFor();
      const counted = field(`Units of ${tea.name} counted`);
      await expect(counted.inputValue()).resolves.toBe('4');
      await counted.fill('3');
      await page.getByRole('status').filter({ hasText: '1 units short' }).waitFor();
      await expectAccessible(page, 'the receive form');
      await page.getByRole('button', { name: 'Receive into stock' }).click();

      await page.locator('.page-header .badge').filter({ hasText: 'Received' }).waitFor();
      const lines = page.getByRole('table', { name: 'Transfer lines' });
      await lines
        .getByRole('row')
        .filter({ hasText: tea.name })
        .getByRole('cell', { name: '−1' })
        .waitFor();
      expect((await api('GET', `/stores/${ids.b}/products/${ids.teaB}`)).quantity).toBe(4);
      expect((await api('GET', `/stores/${ids.a}/products/${ids.teaA}`)).quantity).toBe(6);
      const movements = await api('GET', `/stores/${ids.b}/products/${ids.teaB}/movements`);
      expect(movements.map((m) => m.reason)).toContain('transfer_in');
      await expectAccessible(page, 'a received transfer');
    },
  );

  step(
    'when the sending store looks again, on a phone, then the transfer is received there too',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.a}/transfers/${ids.transfer}`);
      await heading(`Transfer to ${second}`).waitFor();
      await page.locator('.page-header .badge').filter({ hasText: 'Received' }).waitFor();
      await page.getByRole('button', { name: /Cancel transfer/ }).waitFor({ state: 'detached' });
      // At a phone's width the lines still read (the table scrolls in its own region).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('table', { name: 'Transfer lines' }).waitFor();
      await expectAccessible(page, 'a received transfer on a phone');
    },
  );
});
