// Manager approval on the same till (issue 22): a manager sets an approval PIN in their
// profile; an employee refunds part of a sale, the till asks for a manager's approval, a
// wrong PIN is refused, the right one lets the refund through, and the sale says who
// approved it. Then the manager cashes up the day: takings by method, the refund, the cash
// expected, and the count with its difference. People and data are set up through the API;
// the screens are under test.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { apiAs } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Rosa Lind', email: `rosa.${run}@example.com`, password: 'Till-Owner-42' };
const manager = { name: 'Mia Okafor', email: `mia.${run}@example.com`, password: 'Floor-Lead-77' };
const clerk = { name: 'Tom Berg', email: `tom.${run}@example.com`, password: 'Till-Clerk-31' };
const storeName = 'Harbour Hardware';
const PIN = '582046';

describeWithBrowser('Nimbus web: a manager approves an employee’s refund on the till', () => {
  const { ctx, step } = useJourney();
  const { heading, status } = screen(ctx);
  const ids = {};
  let api;

  beforeAll(async () => {
    api = await apiAs(ctx.server.baseUrl, owner, storeName);
    ids.store = api.storeId;
    for (const [person, role] of [
      [manager, 'manager'],
      [clerk, 'employee'],
    ]) {
      const res = await fetch(`${ctx.server.baseUrl}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(person),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status}`);
      await api.call('POST', `/stores/${ids.store}/members`, { email: person.email, role });
    }
    const kettle = await api.createProduct({ name: 'Steel Kettle', price: 25, initialQuantity: 8 });
    ids.kettle = kettle.id;
    ids.sale = (
      await api.call('POST', `/stores/${ids.store}/sales`, {
        items: [{ productId: kettle.id, quantity: 2 }],
      })
    ).data.id;
  });

  step('when a manager saves an approval PIN in their account, then it is set', async () => {
    const page = ctx.page;
    await signIn(ctx, manager);
    await page.goto(`${ctx.server.baseUrl}/account`);
    await heading('Your account').waitFor();
    const card = page.getByRole('region', { name: 'Approval PIN' });
    await card.getByText('You have no PIN').waitFor();
    await card.getByLabel('New PIN').fill('12');
    await card.getByLabel('Current password').fill(manager.password);
    await card.getByRole('button', { name: 'Save PIN' }).click();
    await card.getByText('Enter 4 to 8 digits.').waitFor();
    await card.getByLabel('New PIN').fill(PIN);
    await card.getByRole('button', { name: 'Save PIN' }).click();
    await status('Approval PIN saved.').waitFor();
    await card.getByText(/You have a PIN \(set /).waitFor();
    await expectAccessible(page, 'the account page with the approval PIN');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
  });

  step(
    'when an employee refunds a unit, then a manager’s PIN approves it on the same till and the sale records who approved',
    async () => {
      const page = ctx.page;
      await signIn(ctx, clerk);
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales/${ids.sale}`);
      await heading('Sale S-000001').waitFor();
      // Employees now see both; the API has the last word.
      await page.getByRole('button', { name: 'Void sale…' }).waitFor();
      await page.getByRole('button', { name: 'Refund…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Refund sale S-000001' });
      await dialog
        .getByText('A manager or admin approves this refund on this till next.')
        .waitFor();
      await dialog.getByLabel('Units to refund of Steel Kettle').fill('1');
      await dialog.getByLabel('Reason for the refund').fill('Lid does not close');
      await dialog.getByRole('button', { name: 'Refund $25.00' }).click();

      const approval = page.getByRole('dialog', { name: 'Manager approval' });
      await approval.waitFor();
      await expectAccessible(page, 'the manager approval dialog');
      await approval.getByLabel('Manager’s e-mail').fill(manager.email);
      await approval.getByLabel('PIN', { exact: true }).fill('000000');
      await approval.getByRole('button', { name: 'Approve' }).click();
      await approval.getByText(/Does not match .*check the e-mail and the PIN/).waitFor();
      await approval.getByLabel('PIN', { exact: true }).fill(PIN);
      await approval.getByRole('button', { name: 'Approve' }).click();

      await status('Refunded $25.00.').waitFor();
      await page.getByText('Partly refunded').waitFor();
      const record = page.getByRole('list', { name: 'Manager approvals' });
      await record
        .getByText(`${manager.name} approved a refund asked for by ${clerk.name}`)
        .waitFor();
      await expect(record.textContent()).resolves.toContain('(PIN)');
      await expectAccessible(page, 'a sale refunded with an approval');

      // At the source: one refund, its unit back in stock, the approval used and recorded.
      const sale = (await api.call('GET', `/stores/${ids.store}/sales/${ids.sale}`)).data;
      expect(sale.refunds).toHaveLength(1);
      expect(sale.approvals).toEqual([
        expect.objectContaining({
          action: 'refund',
          method: 'pin',
          refundId: sale.refunds[0].id,
          approvedBy: expect.objectContaining({ name: manager.name }),
          requestedBy: expect.objectContaining({ name: clerk.name }),
        }),
      ]);
      expect((await api.getProduct(ids.kettle)).quantity).toBe(7);
      // Used once: nothing is left for the approval dialog to do now.
      await expect(approval.isVisible()).resolves.toBe(false);
    },
  );

  step(
    'when the manager cashes up the store’s day, then takings, refunds and the expected cash show and the count keeps its difference',
    async () => {
      const page = ctx.page;
      // 3 kettles, 75.00, paid with 100.00 cash: 25.00 change. The refund paid back 25.00 cash.
      await api.call('POST', `/stores/${ids.store}/sales`, {
        items: [{ productId: ids.kettle, quantity: 3 }],
        payments: [{ method: 'cash', amount: 100 }],
      });
      const { timezone } = (await api.call('GET', `/stores/${ids.store}`)).data;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await signIn(ctx, manager);
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales`);
      await heading('Sales').waitFor();
      await page.getByRole('link', { name: 'Cash-up' }).click();
      await heading('Cash-up').waitFor();
      await expect(page.getByLabel('Day', { exact: true }).inputValue()).resolves.toBe(today);

      const takings = page.getByRole('definition').filter({ hasText: '2 sales · $125.00' });
      await takings.waitFor();
      const cash = page
        .getByRole('table', { name: 'Payments and refunds' })
        .getByRole('row', { name: /^Cash/ });
      await cash.getByRole('cell', { name: '$100.00' }).waitFor();
      await cash.getByRole('cell', { name: '-$25.00 (1 refund)' }).waitFor();
      const drawer = page.getByRole('region', { name: 'Cash drawer' });
      // 100.00 tendered − 25.00 change − 25.00 refunded.
      await drawer.getByText('$50.00', { exact: true }).waitFor();
      await drawer.getByText('Not counted yet').waitFor();
      const people = page.getByRole('table', { name: 'Sales by person' });
      await people.getByRole('row', { name: new RegExp(owner.name) }).waitFor();
      await expectAccessible(page, 'the cash-up');

      await drawer.getByLabel('Counted cash').fill('48.50');
      await drawer.getByLabel('Note (optional)').fill('Two coins short');
      await drawer.getByRole('button', { name: 'Save count' }).click();
      await status('Count saved: $48.50 counted, difference -$1.50.').waitFor();
      await drawer.getByText('-$1.50 (short)').waitFor();
      await drawer
        .getByText(/Counted by Mia Okafor against \$50\.00 expected then: Two coins short/)
        .waitFor();

      const day = (await api.call('GET', `/stores/${ids.store}/cash-up?date=${today}`)).data;
      expect(day.counted).toMatchObject({ countedCash: 48.5, expectedCash: 50, difference: -1.5 });
      await page.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(page, 'the cash-up at phone width');
      await page.setViewportSize({ width: 1280, height: 860 });
    },
  );

  step(
    'when the manager gives the kettle its own tax rate on its form, then sales charge it',
    async () => {
      const page = ctx.page;
      const rate = (
        await api.call('POST', `/stores/${ids.store}/tax-rates`, {
          name: 'Appliances',
          rateBps: 1500,
        })
      ).data;
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/${ids.kettle}/edit`);
      await heading('Edit Steel Kettle').waitFor();
      const card = page.getByRole('region', { name: 'Tax rate' });
      const select = card.getByLabel('Product’s tax rate');
      await expect(select.inputValue()).resolves.toBe('');
      await select.selectOption({ label: 'Appliances (15%)' });
      await card.getByRole('button', { name: 'Save tax rate' }).click();
      await status('Tax rate saved.').waitFor();
      await expectAccessible(page, 'the product form with its tax rate');
      const own = (await api.call('GET', `/stores/${ids.store}/products/${ids.kettle}/tax-rate`))
        .data;
      expect(own.taxRateId).toBe(rate.id);
      const sale = (
        await api.call('POST', `/stores/${ids.store}/sales`, {
          items: [{ productId: ids.kettle, quantity: 1 }],
        })
      ).data;
      // 25.00 + 15%.
      expect(sale.taxTotal).toBe(3.75);
      expect(sale.total).toBe(28.75);
    },
  );
});
