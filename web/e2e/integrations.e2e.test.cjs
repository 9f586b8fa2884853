// A till that posts its sales over an API key with its own ids: the owner finds a sale by the
// till's reference in the sales list and sees the reference on the sale's page. The till is
// played through the API; what is under test is the screens.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { signIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Kofi Boateng', email: `kofi.${run}@example.com`, password: 'Till-Sync-2026' };

describeWithBrowser('Nimbus web: sales a till posted with its own references', () => {
  const { ctx, step } = useJourney();
  const { heading } = screen(ctx);
  const ids = {};
  let page;

  beforeAll(() => {
    page = ctx.page;
  });

  /** A sale posted as the till: with its API key, not the owner's session. */
  async function postAsTill(body) {
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/stores/${ids.store}/sales`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ids.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, sale: (await res.json()).data };
  }

  step(
    'when a till posts a sale twice under its reference, then one sale is recorded',
    async () => {
      ids.store = await registerWithStore(ctx, user, 'Harbour Kiosk');
      const api = await signIn(ctx.server.baseUrl, user);
      const store = `/stores/${ids.store}`;
      ids.key = (
        await api('POST', `${store}/api-keys`, { name: 'Till 7', role: 'employee' })
      ).token;
      ids.tea = (
        await api('POST', `${store}/products`, {
          name: 'Green Tea',
          price: 2.5,
          initialQuantity: 9,
        })
      ).id;
      const items = [{ productId: ids.tea, quantity: 2 }];
      await postAsTill({ items: [{ productId: ids.tea, quantity: 1 }] });
      const first = await postAsTill({ items, externalReference: 'TILL7-000042' });
      const again = await postAsTill({ items, externalReference: 'TILL7-000042' });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.sale.id).toBe(first.sale.id);
      ids.number = `S-${String(first.sale.number).padStart(6, '0')}`;
      const sales = await api('GET', `${store}/sales`);
      expect(sales).toHaveLength(2);
    },
  );

  step(
    'when the owner filters the sales by the reference, then only that sale is listed and its page shows the reference',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales`);
      await heading('Sales').waitFor();
      const rows = page.getByRole('table', { name: 'Sales' }).getByRole('row');
      await rows.filter({ hasText: 'S-000001' }).waitFor();
      await page.getByLabel('Reference').fill('TILL7-000042');
      await rows.filter({ hasText: 'S-000001' }).waitFor({ state: 'detached' });
      await rows.filter({ hasText: ids.number }).waitFor();
      await expectAccessible(page, 'the sales list filtered by reference');
      await rows.filter({ hasText: ids.number }).getByRole('link', { name: ids.number }).click();
      await heading(`Sale ${ids.number}`).waitFor();
      await page.getByText('reference TILL7-000042').waitFor();
      await expectAccessible(page, 'a sale page with its reference');
    },
  );
});
