// A manager's afternoon at the till: a mis-rung sale is voided, part of another is refunded,
// and the product's stock, its history, the dashboard's revenue and the printed receipt all
// agree. Products and sales are set up through the API; what is under test is the screens.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { signIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Ada Mensah', email: `ada.${run}@example.com`, password: 'Refund-Desk-42' };
const storeName = 'Corner Grocer';
const milk = { name: 'Oat Milk 1 l', price: 3.2, initialQuantity: 20 };
const bread = { name: 'Rye Bread', price: 4.5, initialQuantity: 10 };

describeWithBrowser('Nimbus web: voids, refunds and receipts', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status } = screen(ctx);
  const ids = {};
  let page;
  /** The API as an integrator would call it, with the user's own access token. */
  let api;

  const sale = (label) =>
    page.getByRole('table', { name: 'Sales' }).getByRole('row').filter({ hasText: label });

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when an owner with two products has rung up two sales, then the list numbers them',
    async () => {
      ids.store = await registerWithStore(ctx, user, storeName);
      api = await signIn(ctx.server.baseUrl, user);
      const store = `/stores/${ids.store}`;
      ids.milk = (await api('POST', `${store}/products`, milk)).id;
      ids.bread = (await api('POST', `${store}/products`, bread)).id;
      // S-000001: rung up by mistake. S-000002: 3 milk and 2 bread, 18.60.
      ids.mistake = (
        await api('POST', `${store}/sales`, {
          items: [
            { productId: ids.milk, quantity: 2 },
            { productId: ids.bread, quantity: 1 },
          ],
        })
      ).id;
      ids.sale = (
        await api('POST', `${store}/sales`, {
          items: [
            { productId: ids.milk, quantity: 3 },
            { productId: ids.bread, quantity: 2 },
          ],
        })
      ).id;

      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales`);
      await heading('Sales').waitFor();
      await sale('S-000001').waitFor();
      await sale('S-000002').getByText('$18.60').waitFor();
      await expectAccessible(page, 'the sales list');
    },
  );

  step('when the mistaken sale is voided with a reason, then it is marked voided', async () => {
    await sale('S-000001').getByRole('link', { name: 'S-000001' }).click();
    await heading('Sale S-000001').waitFor();
    await expectAccessible(page, 'a sale page');
    await page.getByRole('button', { name: 'Void sale…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Void sale S-000001' });
    await dialog.waitFor();
    await expectAccessible(page, 'the void dialog');
    await dialog.getByRole('button', { name: 'Void sale' }).click();
    await dialog.getByText('Say why the sale is voided.').waitFor();
    await dialog.getByLabel('Reason for voiding').fill('Scanned the basket twice');
    await dialog.getByRole('button', { name: 'Void sale' }).click();

    await status('Sale S-000001 voided. Its stock is back on hand.').waitFor();
    await page.getByText('Voided', { exact: true }).waitFor();
    await page.getByText(/Scanned the basket twice\. Its stock went back/).waitFor();
    await expect(page.getByRole('button', { name: 'Void sale…' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Refund…' }).count()).resolves.toBe(0);
  });

  step(
    'when part of the other sale is refunded, then the refund and the net total show',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales/${ids.sale}`);
      await heading('Sale S-000002').waitFor();
      await page.getByRole('button', { name: 'Refund…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Refund sale S-000002' });
      await dialog.waitFor();
      await dialog.getByLabel(`Units to refund of ${milk.name}`).fill('1');
      await dialog.getByLabel(`Units to refund of ${bread.name}`).fill('2');
      await dialog.getByLabel('Reason for the refund').fill('Bread was stale');
      await expectAccessible(page, 'the refund dialog');
      await dialog.getByRole('button', { name: 'Refund $12.20' }).click();

      await status('Refunded $12.20.').waitFor();
      const refunds = page.getByRole('region', { name: 'Refunds' });
      await refunds.getByText('Reason: Bread was stale').waitFor();
      const items = page.getByRole('table', { name: 'Sale items' });
      await items.getByRole('row', { name: /Net/ }).getByText('$6.40').waitFor();
      await page.getByText('Partly refunded').waitFor();
      // With a refund on the books the sale is no longer voided, only refunded further.
      await expect(page.getByRole('button', { name: 'Void sale…' }).count()).resolves.toBe(0);
      await expectAccessible(page, 'a refunded sale');
    },
  );

  step(
    'when the milk is opened, then its stock and history show the void and the refund',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/products/${ids.milk}`);
      await heading(milk.name).waitFor();
      // 20 - 2 - 3 sold, + 2 voided, + 1 refunded.
      await page
        .getByRole('region', { name: 'Stock on hand' })
        .getByText('18 units on hand')
        .waitFor();
      const movements = page.getByRole('table', { name: 'Stock movements' });
      const voided = movements.getByRole('row').filter({ hasText: 'Sale voided' });
      await voided.getByRole('cell', { name: '+2', exact: true }).waitFor();
      const returned = movements.getByRole('row').filter({ hasText: 'Customer return' });
      await returned.getByRole('cell', { name: '+1', exact: true }).waitFor();
      await returned.getByRole('link', { name: 'View refund' }).click();
      await heading('Sale S-000002').waitFor();
    },
  );

  step(
    'when the dashboard is opened, then revenue leaves out the void and subtracts the refund',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}`);
      await heading(storeName).waitFor();
      const revenue = page
        .getByRole('list', { name: 'Key figures' })
        .getByRole('link', { name: /Revenue, last 30 days/ });
      await expect(revenue.textContent()).resolves.toContain('$6.40');
      await expect(revenue.textContent()).resolves.toContain('2 units sold in 1 sale');
    },
  );

  step(
    'when the receipt is printed, then only the receipt is on the page, in the store’s time',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales/${ids.sale}`);
      await page.getByRole('link', { name: 'Receipt' }).click();
      const receipt = page.getByRole('article', { name: storeName });
      await receipt.waitFor();
      await receipt.getByText('S-000002').waitFor();
      await receipt.getByText(/UTC/).first().waitFor();
      const lines = page.getByRole('table', { name: 'Receipt lines' });
      await lines.getByRole('row').filter({ hasText: milk.name }).getByText('$9.60').waitFor();
      await lines.getByRole('row', { name: /Net/ }).getByText('$6.40').waitFor();
      await page.getByRole('button', { name: 'Print receipt' }).waitFor();
      await expectAccessible(page, 'the receipt');

      await page.emulateMedia({ media: 'print' });
      await expect(
        page.getByRole('navigation', { name: 'Store sections' }).isVisible(),
      ).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Print receipt' }).isVisible()).resolves.toBe(
        false,
      );
      await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
      await expect(receipt.isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: 'screen' });
    },
  );

  step(
    'when the sales list is filtered to voided sales, then only the void is listed',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales`);
      // The whole list first: were the filter chosen before it loaded, the other sale would be
      // "gone" before it ever came, and the unfiltered list would arrive after the check.
      await sale('S-000002').waitFor();
      await field('Status').selectOption({ label: 'Voided' });
      await page.waitForURL(/status=voided/);
      // The previous page stays up until the filtered one arrives.
      await sale('S-000002').waitFor({ state: 'detached' });
      await sale('S-000001').getByText('Voided').waitFor();
      await expect(
        page.getByRole('table', { name: 'Sales' }).getByRole('row').count(),
      ).resolves.toBe(2);
    },
  );
});
