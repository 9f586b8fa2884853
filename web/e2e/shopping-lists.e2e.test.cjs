// A manager's Monday: a reorder list is generated from what is out or low, a quantity is
// changed in the list, optimising rounds it to whole packs and says why, and the list becomes
// one purchase order per supplier after a confirmation that lists them; one of them is then
// received in the purchase-order screens and the stock shows it; criteria that leave nothing to
// reorder are answered on the form, with no empty list made. Suppliers and products are set up
// through the API; what is under test is the screens.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { signIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = {
  name: 'Kofi Boateng',
  email: `kofi.${run}@example.com`,
  password: 'Reorder-Desk-42',
};
const milk = { name: 'Oat Milk 1 l', price: 3.2, cost: 1.2, packSize: 6, initialQuantity: 0 };
const bread = { name: 'Rye Bread', price: 4.5, cost: 2.5, reorderPoint: 5, initialQuantity: 2 };

describeWithBrowser('Nimbus web: reorder lists', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  const ids = {};
  let page;
  /** The API as the signed-in user (support/api.cjs). */
  let api;

  const group = (supplier) => page.getByRole('table', { name: `Items from ${supplier}` });

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when a manager generates a list, then what is out or low shows per supplier, with why',
    async () => {
      ids.store = await registerWithStore(ctx, user, 'Harbour Pantry');
      api = await signIn(ctx.server.baseUrl, user);
      const store = `/stores/${ids.store}`;
      ids.acme = (
        await api('POST', `${store}/suppliers`, { name: 'Acme Dairy', leadTimeDays: 2 })
      ).id;
      ids.mill = (await api('POST', `${store}/suppliers`, { name: 'Stone Mill' })).id;
      ids.milk = (await api('POST', `${store}/products`, { ...milk, supplierId: ids.acme })).id;
      ids.bread = (await api('POST', `${store}/products`, { ...bread, supplierId: ids.mill })).id;
      await api('POST', `${store}/products`, { name: 'Honey', price: 6, initialQuantity: 40 });

      await storeTab('Reorder').click();
      await heading('Reorder lists').waitFor();
      await page.getByText('No reorder lists yet.').waitFor();
      await page.getByRole('link', { name: 'New reorder list' }).click();
      await heading('New reorder list').waitFor();
      await expectAccessible(page, 'the generate form');
      await field('Name').fill('Monday order');
      await field('Days ahead').fill('400');
      await page.getByRole('button', { name: 'Generate list' }).click();
      await page.getByText('Enter a whole number of days from 0 to 365.').waitFor();
      await field('Days ahead').fill('7');
      await page.getByRole('group', { name: 'Suppliers' }).getByText('Acme Dairy').waitFor();
      await page.getByRole('button', { name: 'Generate list' }).click();

      await heading('Monday order').waitFor();
      const milkRow = group('Acme Dairy').getByRole('row').filter({ hasText: milk.name });
      await milkRow.getByText('Urgent').waitFor();
      await milkRow.getByText('Out of stock, no sales in 30 days, supplier needs 2 days').waitFor();
      const breadRow = group('Stone Mill').getByRole('row').filter({ hasText: bread.name });
      await breadRow.getByText('High').waitFor();
      await breadRow.getByText('2 left, no sales in 30 days, reorder point 5').waitFor();
      await expect(page.getByText('Honey').count()).resolves.toBe(0);
      // A pack of 6 at 1.20, and 3 loaves to get back to the reorder point of 5.
      await expect(field(`Quantity of ${milk.name}`).inputValue()).resolves.toBe('6');
      await expect(field(`Quantity of ${bread.name}`).inputValue()).resolves.toBe('3');
      await page.getByText('Estimated total for the list: $14.70').waitFor();
      await expectAccessible(page, 'a reorder list');
    },
  );

  step('when a quantity is changed in the list, then its cost and the totals follow', async () => {
    await field(`Quantity of ${milk.name}`).fill('8');
    await field(`Quantity of ${milk.name}`).press('Enter');
    const milkRow = group('Acme Dairy').getByRole('row').filter({ hasText: milk.name });
    await milkRow.getByText('suggested 6').waitFor();
    await milkRow.getByText('$9.60').waitFor();
    await page.getByText('Estimated total for the list: $17.10').waitFor();
  });

  step(
    'when the list is optimised, then the milk is rounded up to whole packs, with the reason',
    async () => {
      await page.getByRole('button', { name: 'Optimise' }).click();
      const changes = page.getByRole('status', { name: 'What optimising changed' });
      await changes.getByText('Optimised: 1 change.').waitFor();
      await changes.getByText(/quantity 8 → 12 \(it comes in packs of 6\)/).waitFor();
      await expect(field(`Quantity of ${milk.name}`).inputValue()).resolves.toBe('12');
      await page.getByText('Estimated total for the list: $21.90').waitFor();
      await expectAccessible(page, 'an optimised list');
    },
  );

  step(
    'when purchase orders are created and confirmed, then one per supplier exists and links from the list',
    async () => {
      await page.getByRole('button', { name: 'Create purchase orders…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create purchase orders' });
      await dialog.waitFor();
      const planned = dialog.getByRole('list', { name: 'Orders to create' });
      await planned.getByText(/Acme Dairy: 1 item, estimated \$14\.40/).waitFor();
      await planned.getByText(/Stone Mill: 1 item, estimated \$7\.50/).waitFor();
      await expectAccessible(page, 'the purchase-order confirmation');
      await dialog.getByRole('button', { name: 'Create 2 purchase orders' }).click();

      await status('Created 2 purchase orders.').waitFor();
      const orders = page.getByRole('region', { name: 'Purchase orders' });
      const links = orders.getByRole('link', { name: /^PO-\d{4}-\d{6}$/ });
      await links.first().waitFor();
      await expect(links.count()).resolves.toBe(2);
      ids.order = (await links.first().getAttribute('href')).split('/').pop();
      await expect(page.getByRole('button', { name: 'Optimise' }).count()).resolves.toBe(0);
      await expect(field(`Quantity of ${milk.name}`).isDisabled()).resolves.toBe(true);

      const lists = await api('GET', `/stores/${ids.store}/shopping-lists`);
      expect(lists.map((l) => [l.name, l.status])).toEqual([['Monday order', 'ordered']]);
      const list = await api('GET', `/stores/${ids.store}/shopping-lists/${lists[0].id}`);
      expect(list.purchaseOrders.map((o) => [o.supplierId, o.total]).sort()).toEqual(
        [
          [ids.acme, 14.4],
          [ids.mill, 7.5],
        ].sort(),
      );
      expect(list.purchaseOrders.map((o) => o.id)).toContain(ids.order);
      ids.orders = list.purchaseOrders;
      const order = await api('GET', `/stores/${ids.store}/purchase-orders/${ids.order}`);
      expect(order.status).toBe('pending');
    },
  );

  step(
    'when the milk order is opened from the list, marked as sent and received, then the milk is in stock',
    async () => {
      const milkOrder = ids.orders.find((o) => o.supplierId === ids.acme);
      await page
        .getByRole('region', { name: 'Purchase orders' })
        .getByRole('link', { name: milkOrder.orderNumber })
        .click();
      await heading(`Purchase order ${milkOrder.orderNumber}`).waitFor();
      await page.getByRole('list', { name: 'Order progress' }).getByText('Pending').waitFor();
      await page.getByRole('button', { name: 'Mark as sent to supplier' }).click();
      await status(/is now sent to supplier/).waitFor();
      await page.getByRole('button', { name: 'Receive delivery…' }).click();
      const dialog = page.getByRole('dialog', { name: /^Receive PO-/ });
      await dialog.waitFor();
      // The whole open quantity, 12 after optimising.
      await expect(dialog.getByLabel(`Units received of ${milk.name}`).inputValue()).resolves.toBe(
        '12',
      );
      await dialog.getByRole('button', { name: 'Review delivery…' }).click();
      await dialog.getByRole('button', { name: 'Receive into stock' }).click();
      await status('Received 12 units into stock.').waitFor();

      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/${ids.milk}`);
      await heading(milk.name).waitFor();
      await page
        .getByRole('region', { name: 'Stock on hand' })
        .getByText('12 units on hand')
        .waitFor();
    },
  );

  step(
    'when the criteria leave nothing to reorder, then the form says so and no empty list is made',
    async () => {
      const store = `/stores/${ids.store}`;
      await api('POST', `${store}/suppliers`, { name: 'Quiet Farm', leadTimeDays: 3 });
      const before = await api('GET', `${store}/shopping-lists`);
      await storeTab('Reorder').click();
      await heading('Reorder lists').waitFor();
      await page.getByRole('link', { name: 'New reorder list' }).click();
      await heading('New reorder list').waitFor();
      await page.getByRole('group', { name: 'Suppliers' }).getByLabel('Quiet Farm').check();
      await page.getByRole('button', { name: 'Generate list' }).click();
      // Before: an empty $0.00 draft, and the page moved to it.
      await page
        .getByText(
          'Nothing needs reordering with these criteria: no product is at or below its reorder point or runs short within its lead time and 7 days ahead. No list was made.',
        )
        .waitFor();
      await heading('New reorder list').waitFor();
      await expectAccessible(page, 'nothing to reorder');
      const after = await api('GET', `${store}/shopping-lists`);
      expect(after.map((l) => l.id)).toEqual(before.map((l) => l.id));
    },
  );
});
