// Issue 16: goods received at the door, then their invoice. Another open order of the same milk
// could be meant too, so the review asks which order (naming both, preselecting nothing); once
// the delivered one is chosen it matches the invoice to it (ordered / received / invoiced),
// "already received" is the default, the other order is not touched, the new price can be
// accepted as the cost, and stock does not move. An invoice whose supplier is not recognised
// says so, and once the supplier is set its delivery is matched as already received. Paying an
// invoice that is neither reconciled nor adding up asks first. Set-up through the API; the
// screens are under test, on a desk and on a phone.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { signIn } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = {
  name: 'Ines Duarte',
  email: `ines.${run}@example.com`,
  password: 'Door-Then-Desk-7',
};
const milk = { name: 'Organic Whole Milk 1L', sku: 'MLK-1', price: 2.5, cost: 1.2 };

const invoiceCsv = (number, rows, total) =>
  [
    `Vendor,Dairy Direct,Invoice No,${number}`,
    '',
    'SKU,Description,Qty,Unit Cost,Total',
    ...rows,
    ...(total ? [`,,,Total,${total}`] : []),
  ].join('\n');

describeWithBrowser('Nimbus web: an invoice for goods received at the door', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  const ids = {};
  let page;
  let api;

  const line = (name) => page.getByRole('article', { name: new RegExp(`^Line \\d+: ${name}`) });
  const stock = async () =>
    (await api('GET', `/stores/${ids.store}/products/${ids.milk}`)).quantity;
  const upload = async (name, csv) => {
    await storeTab('Invoices').click();
    await heading('Invoices').waitFor();
    await field('Invoice file (CSV, XLSX, PDF, or a scan as PNG or JPEG)').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Upload and match' }).click();
  };

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when a delivery of order A is received at the door, then 10 milk are in stock',
    async () => {
      ids.store = await registerWithStore(ctx, user, 'Corner Dairy');
      api = await signIn(ctx.server.baseUrl, user);
      const store = (path) => `/stores/${ids.store}${path}`;
      ids.milk = (await api('POST', store('/products'), milk)).id;
      const supplier = await api('POST', store('/suppliers'), { name: 'Dairy Direct' });
      // A second supplier, whose invoice will name it differently (see the supplier step).
      ids.hill = await api('POST', store('/suppliers'), { name: 'Hill Farm Creamery Ltd' });
      for (const key of ['a', 'b']) {
        const order = await api('POST', store('/purchase-orders'), {
          supplierId: supplier.id,
          lines: [{ productId: ids.milk, quantity: 10, unitCost: 1.2 }],
        });
        await api('PATCH', store(`/purchase-orders/${order.id}/status`), { status: 'processing' });
        ids[key] = order;
      }

      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/purchase-orders/${ids.a.id}`);
      await heading(ids.a.orderNumber).waitFor();
      await page.getByRole('button', { name: 'Receive delivery…' }).click();
      const dialog = page.getByRole('dialog', { name: `Receive ${ids.a.orderNumber}` });
      await dialog.getByRole('button', { name: 'Review delivery…' }).click();
      await dialog.getByRole('button', { name: 'Receive into stock' }).click();
      await status(`Received 10 units into stock. ${ids.a.orderNumber} is complete.`).waitFor();
      await expect(stock()).resolves.toBe(10);
    },
  );

  step(
    'when its invoice is uploaded while order B still expects milk, then the review asks which order, naming both, and preselects nothing',
    async () => {
      await upload('dd-1.csv', invoiceCsv('DD-1', ['MLK-1,Whole milk,10,1.35,13.50']));
      await heading('Invoice DD-1').waitFor();
      const milkLine = line('Whole milk');
      await milkLine.getByText('On 2 orders: choose the order below').waitFor();
      await milkLine.getByText(`10 received, not yet invoiced, on ${ids.a.orderNumber}`).waitFor();
      await milkLine.getByText('10 at $1.35 = $13.50').waitFor();
      await milkLine
        .getByText(
          `More than one order could be meant (${ids.a.orderNumber}: 10 received, not invoiced, or ${ids.b.orderNumber}: 10 still to come): choose the order.`,
        )
        .waitFor();
      for (const choice of ['Already received', 'Receive now', 'Skip'])
        await expect(
          milkLine.getByRole('radio', { name: new RegExp(`^${choice}`) }).isChecked(),
        ).resolves.toBe(false);
      // Each order once, nothing suggested: the person chooses.
      const order = milkLine.getByLabel(/^Order/);
      await expect(order.locator('option').allTextContents()).resolves.toEqual([
        'Choose an order…',
        `${ids.a.orderNumber}: 10 received, not invoiced`,
        `${ids.b.orderNumber}: 10 still to come`,
        'No order: a plain receipt',
      ]);
      await expect(
        page.getByRole('button', { name: 'Reconcile', exact: true }).isDisabled(),
      ).resolves.toBe(true);
      await expectAccessible(page, 'the order choice');
    },
  );

  step(
    'when order A (the delivered one) is chosen, then the line shows ordered, received and invoiced, "already received" is chosen, and the price difference is said in words and amounts',
    async () => {
      const milkLine = line('Whole milk');
      await milkLine.getByLabel(/^Order/).selectOption(ids.a.id);
      await milkLine.getByText(`10 at $1.20 on ${ids.a.orderNumber}`).waitFor();
      await milkLine.getByText('10 received, not yet invoiced').waitFor();
      await milkLine
        .getByText(
          `Billed at $1.35 a unit, ordered at $1.20 on ${ids.a.orderNumber}: $0.15 more a unit, $1.50 more in all.`,
        )
        .waitFor();
      await expect(
        milkLine.getByRole('radio', { name: /^Already received/ }).isChecked(),
      ).resolves.toBe(true);
      await expectAccessible(page, 'the three-way review');
    },
  );

  step(
    'when the new price is accepted and the invoice reconciled as matched only, then stock stays at 10, order B is untouched and the cost is $1.35',
    async () => {
      await line('Whole milk')
        .getByRole('checkbox', { name: /^Accept new cost: \$1\.35 a unit/ })
        .check();
      await page.locator('button:has-text("Reconcile"):not([disabled])').click();
      const dialog = page.getByRole('dialog', { name: 'Reconcile this invoice?' });
      await dialog
        .getByText(
          'Nothing will be received into stock; 10 units are matched to goods already received (no stock moves).',
        )
        .waitFor();
      await dialog
        .getByText(`10 × ${milk.name}: already received on ${ids.a.orderNumber}`)
        .waitFor();
      await expectAccessible(page, 'the reconcile dialog');
      await dialog.getByRole('button', { name: 'Match and reconcile' }).click();
      await page
        .getByText(
          new RegExp(
            `^Reconciled .* by ${user.name}: settles ${ids.a.orderNumber} \\(1 delivery\\)\\.`,
          ),
        )
        .waitFor();
      await line('Whole milk')
        .getByText('10 units matched to goods already received. New cost accepted: $1.35 a unit.')
        .waitFor();

      await expect(stock()).resolves.toBe(10);
      const b = await api('GET', `/stores/${ids.store}/purchase-orders/${ids.b.id}`);
      expect([b.status, b.lines[0].receivedQuantity]).toEqual(['processing', 0]);
      const product = await api('GET', `/stores/${ids.store}/products/${ids.milk}`);
      expect(product.cost).toBe(1.35);
    },
  );

  step(
    'when an invoice names a supplier Nimbus does not know, then the review says no supplier is set; once it is set, the delivery is matched as already received and stock does not move',
    async () => {
      const store = (path) => `/stores/${ids.store}${path}`;
      ids.cream = (
        await api('POST', store('/products'), {
          name: 'Double Cream 300ml',
          sku: 'CRM-1',
          price: 3.2,
          cost: 2.1,
        })
      ).id;
      const order = await api('POST', store('/purchase-orders'), {
        supplierId: ids.hill.id,
        lines: [{ productId: ids.cream, quantity: 6, unitCost: 2.1 }],
      });
      await api('PATCH', store(`/purchase-orders/${order.id}/status`), { status: 'processing' });
      await api('POST', store(`/purchase-orders/${order.id}/receive`), {
        lines: [{ productId: ids.cream, quantity: 6 }],
      });
      const creamStock = async () => (await api('GET', store(`/products/${ids.cream}`))).quantity;
      await expect(creamStock()).resolves.toBe(6);

      await upload(
        'hf-1.csv',
        [
          'Vendor,Hill Farm,Invoice No,HF-1',
          '',
          'SKU,Description,Qty,Unit Cost,Total',
          'CRM-1,Double cream,6,2.10,12.60',
        ].join('\n'),
      );
      await heading('Invoice HF-1').waitFor();
      await page.getByText(/^Supplier not set · dated/).waitFor();
      await page
        .getByText(
          /^No supplier is set: "Hill Farm", as the invoice names it, matched none of this store's suppliers\./,
        )
        .waitFor();
      const creamLine = line('Double cream');
      await creamLine.getByText('Nothing received that is not yet invoiced').waitFor();
      await expectAccessible(page, 'an invoice without a supplier');

      await field('Supplier of this invoice').selectOption({ label: 'Hill Farm Creamery Ltd' });
      await page.getByRole('button', { name: 'Set supplier and match again' }).click();
      await page.getByText(/^Hill Farm Creamery Ltd · dated/).waitFor();
      await creamLine.getByText('6 received, not yet invoiced').waitFor();
      await creamLine.getByText(`6 at $2.10 on ${order.orderNumber}`).waitFor();
      await expect(
        creamLine.getByRole('radio', { name: /^Already received/ }).isChecked(),
      ).resolves.toBe(true);
      await expect(page.getByText(/^No supplier is set/).count()).resolves.toBe(0);

      await page.locator('button:has-text("Reconcile"):not([disabled])').click();
      const dialog = page.getByRole('dialog', { name: 'Reconcile this invoice?' });
      await dialog
        .getByText(`6 × Double Cream 300ml: already received on ${order.orderNumber}`)
        .waitFor();
      await dialog.getByRole('button', { name: 'Match and reconcile' }).click();
      await page.getByText(new RegExp(`^Reconciled .*: settles ${order.orderNumber}`)).waitFor();
      await expect(creamStock()).resolves.toBe(6);
    },
  );

  step(
    'when an invoice that is not reconciled and does not add up is marked paid, then it asks first, and says who confirmed',
    async () => {
      await upload('dd-2.csv', invoiceCsv('DD-2', ['MLK-1,Whole milk,2,1.35,2.70'], '20.00'));
      await heading('Invoice DD-2').waitFor();
      await page.getByText('The invoice does not add up').waitFor();
      await page.getByRole('button', { name: 'Mark as paid' }).click();
      const dialog = page.getByRole('dialog', { name: 'Pay this invoice anyway?' });
      await dialog.getByText(/^The invoice is not reconciled/).waitFor();
      await dialog.getByText(/^Its lines add up to 2\.70, not the 20\.00/).waitFor();
      await expectAccessible(page, 'the payment confirmation');
      await dialog.getByRole('button', { name: 'Pay anyway' }).click();
      await page.getByRole('button', { name: 'Mark as unpaid' }).waitFor();
      await page
        .getByText(
          new RegExp(
            `^Paid though not reconciled and it did not add up: confirmed by ${user.name}`,
          ),
        )
        .waitFor();
    },
  );

  step('when the review is opened on a phone, then it fits the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/invoices`);
    await page.getByRole('link', { name: 'Invoice DD-2' }).click();
    await heading('Invoice DD-2').waitFor();
    await line('Whole milk')
      .getByRole('radio', { name: /^Receive now/ })
      .waitFor();
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(page, 'the review on a phone');
  });
});
