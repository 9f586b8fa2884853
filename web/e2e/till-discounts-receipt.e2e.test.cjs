// Discounts and price overrides at the till, then an e-mailed receipt (issue 22). An employee
// rings up two coffees with a 10% line discount and a tea at a lower price with its reason;
// beyond the store's 5% employee limit the pay step asks for a manager's approval, which the
// owner gives with their PIN on the same till. The customer pays cash and gets change; their
// e-mail is on the sale, and "E-mail receipt" sends the receipt through an SMTP server started
// here. Set-up goes through the API; the screens are under test.
const crypto = require('node:crypto');
const { SMTPServer } = require('smtp-server');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Nina Holm', email: `nina.${run}@example.com`, password: 'Till-Owner-58' };
const clerk = { name: 'Omar Reyes', email: `omar.${run}@example.com`, password: 'Till-Clerk-64' };
const customer = { name: 'Ada Lovelace', email: `ada.${run}@example.com` };
const storeName = 'Quay Coffee';
const PIN = '730914';
const SCAN_LABEL = 'Scan or search products';

/** A real SMTP server on loopback that keeps each mail's recipients and raw text. */
function startSmtp() {
  const received = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    smtp.listen(0, '127.0.0.1', () =>
      resolve({
        url: `smtp://127.0.0.1:${smtp.server.address().port}`,
        received,
        close: () => new Promise((done) => smtp.close(done)),
      }),
    ),
  );
}

describeWithBrowser(
  'Nimbus web: till discounts, an approved override and an e-mailed receipt',
  () => {
    const env = { MAIL_FROM: 'Quay Coffee <receipts@nimbus.test>' };
    let smtp;
    beforeAll(async () => {
      smtp = await startSmtp();
      env.SMTP_URL = smtp.url;
    });
    afterAll(() => smtp?.close());
    const { ctx, step } = useJourney({ env });
    const { heading, field, status } = screen(ctx);
    let page;
    let api;

    async function ringUp(sku, times = 1) {
      const scan = field(SCAN_LABEL);
      for (let i = 0; i < times; i += 1) {
        await scan.fill(sku);
        await scan.press('Enter');
      }
    }

    beforeAll(async () => {
      page = ctx.page;
      api = await apiAs(ctx.server.baseUrl, owner, storeName);
      const store = (path) => `/stores/${api.storeId}${path}`;
      const res = await fetch(`${ctx.server.baseUrl}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(clerk),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status}`);
      await api.call('POST', store('/members'), { email: clerk.email, role: 'employee' });
      await api.call('PUT', '/me/approval-pin', { pin: PIN, currentPassword: owner.password });
      const rate = (await api.call('POST', store('/tax-rates'), { name: 'VAT', rateBps: 1000 }))
        .data;
      await api.call('PATCH', store('/checkout-settings'), {
        defaultTaxRateId: rate.id,
        address: '3 Quay Street, Bristol',
        employeeDiscountLimitPercent: 5,
      });
      await api.createProduct({ name: 'Flat White', sku: 'FW', price: 8.5, initialQuantity: 10 });
      await api.createProduct({ name: 'Green Tea', sku: 'TEA', price: 4, initialQuantity: 10 });
    });

    step(
      'when the employee gives a 10% discount on the coffees and a lower tea price with its reason, then the lines show them',
      async () => {
        await signIn(ctx, clerk);
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/new`);
        await heading('Quick sale').waitFor();
        await ringUp('FW', 2);
        await ringUp('TEA');
        const lines = page.getByRole('table', { name: 'Sale lines' });
        await lines.getByRole('row', { name: /Green Tea/ }).waitFor();
        await expect(field('Quantity of Flat White').inputValue()).resolves.toBe('2');

        await page.getByRole('button', { name: 'Adjust price of Flat White' }).click();
        const coffee = page.getByRole('dialog', { name: 'Adjust Flat White' });
        await coffee.getByLabel('Percent off').fill('150');
        await coffee.getByRole('button', { name: 'Apply' }).click();
        await coffee.getByText('A percent is at most 100.').waitFor();
        await coffee.getByLabel('Percent off').fill('10');
        await expectAccessible(page, 'the line adjustment dialog', { selector: 'dialog' });
        await coffee.getByRole('button', { name: 'Apply' }).click();
        await coffee.waitFor({ state: 'hidden' });
        const coffeeRow = lines.getByRole('row', { name: /Flat White/ });
        await coffeeRow.getByText('Discount 10%').waitFor();
        await coffeeRow.getByText('$15.30').waitFor();

        await page.getByRole('button', { name: 'Adjust price of Green Tea' }).click();
        const tea = page.getByRole('dialog', { name: 'Adjust Green Tea' });
        await tea.getByLabel('Adjustment').selectOption('price');
        await tea.getByLabel('Unit price').fill('3');
        await tea.getByRole('button', { name: 'Apply' }).click();
        await tea.getByText('Say why the price changes.').waitFor();
        await tea.getByLabel('Reason for the price').fill('Dented tin');
        await tea.getByRole('button', { name: 'Apply' }).click();
        await lines
          .getByRole('row', { name: /Green Tea/ })
          .getByText('Price changed from $4.00: Dented tin')
          .waitFor();
      },
    );

    step(
      'when the employee takes payment beyond their limit, then a manager’s PIN approves it and cash gives change',
      async () => {
        await page.getByRole('button', { name: 'Take payment' }).click();
        const dialog = page.getByRole('dialog', { name: 'Payment' });
        await dialog.getByText('These discounts need a manager’s approval.').waitFor();
        await expect(
          dialog.getByRole('button', { name: 'Complete sale' }).isDisabled(),
        ).resolves.toBe(true);
        await dialog.getByRole('button', { name: 'Ask a manager to approve' }).click();
        const approval = page.getByRole('dialog', { name: 'Manager approval' });
        // The approval is for what the sale takes off: 10% of 17.00 and 1.00 off the tea.
        await approval.getByText('($2.70 off the list prices, no more)').waitFor();
        await approval.getByLabel('Manager’s e-mail').fill(owner.email);
        await approval.getByLabel('PIN').fill(PIN);
        await approval.getByRole('button', { name: 'Approve' }).click();
        await approval.waitFor({ state: 'hidden' });

        // 17.00 − 1.70 + 3.00 = 18.30, VAT 1.83: 20.13.
        const totals = dialog.locator('.pay__totals');
        await totals.getByText('$20.13').waitFor();
        await totals.getByText('$1.83').waitFor();
        await dialog.getByText('Customer (optional)').click();
        await dialog.getByLabel('Customer name').fill(customer.name);
        await dialog.getByLabel('Customer e-mail').fill(customer.email);
        await field('Payment 1: cash given').fill('25');
        await dialog.locator('.pay__change').getByText('$4.87').waitFor();
        await expectAccessible(page, 'the pay step after approval', { selector: 'dialog' });
        await dialog.getByRole('button', { name: 'Complete sale' }).click();
        await status('Sale recorded').waitFor();
        await expect(status('Sale recorded').textContent()).resolves.toContain('$20.13');

        const [sale] = await api.listSales();
        expect(sale).toMatchObject({
          total: 20.13,
          discountTotal: 1.7,
          change: 4.87,
          customer: { name: customer.name, email: customer.email },
        });
        const tea = sale.items.find((i) => i.productName === 'Green Tea');
        expect(tea).toMatchObject({
          unitPrice: 3,
          listPrice: 4,
          priceOverrideReason: 'Dented tin',
        });
        const full = (await api.call('GET', `/stores/${api.storeId}/sales/${sale.id}`)).data;
        expect(full.approvals).toEqual([
          expect.objectContaining({
            action: 'discount',
            amount: 2.7,
            approvedBy: expect.anything(),
          }),
        ]);
      },
    );

    step(
      'when the employee e-mails the receipt, then the customer gets it with the store, the lines, the tax, the payment and the change',
      async () => {
        const [sale] = await api.listSales();
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/${sale.id}/receipt`);
        await page.getByRole('article', { name: storeName }).waitFor();
        await page.getByRole('button', { name: 'E-mail receipt' }).click();
        const dialog = page.getByRole('dialog', { name: 'E-mail receipt' });
        await expect(dialog.getByLabel('Customer e-mail').inputValue()).resolves.toBe(
          customer.email,
        );
        await expectAccessible(page, 'the e-mail receipt dialog', { selector: 'dialog' });
        await dialog.getByRole('button', { name: 'Send receipt' }).click();
        await status(`Receipt e-mailed to ${customer.email}.`).waitFor();

        const mails = smtp.received.filter((m) => m.to.includes(customer.email));
        expect(mails).toHaveLength(1);
        const raw = mails[0].raw.replace(/=\r\n/g, '');
        const label = `S-${String(sale.number).padStart(6, '0')}`;
        expect(raw).toContain(`Subject: Your receipt ${label} from ${storeName}`);
        expect(raw).toContain('Content-Type: text/html');
        for (const part of ['3 Quay Street, Bristol', 'Dented tin', 'VAT 10%', '$20.13', '$4.87'])
          expect(raw).toContain(part);
      },
    );

    step(
      'when the employee completes an over-limit sale without the pay step, then a manager’s approval sends it again',
      async () => {
        await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/new`);
        await heading('Quick sale').waitFor();
        await ringUp('TEA');
        await page.getByRole('button', { name: 'Adjust price of Green Tea' }).click();
        const tea = page.getByRole('dialog', { name: 'Adjust Green Tea' });
        await tea.getByLabel('Percent off').fill('50');
        await tea.getByRole('button', { name: 'Apply' }).click();
        await page.getByRole('button', { name: 'Complete sale' }).click();
        await page
          .getByRole('alert')
          .getByText(/manager's approval/)
          .waitFor();
        await page.getByRole('button', { name: 'Ask a manager to approve' }).click();
        const approval = page.getByRole('dialog', { name: 'Manager approval' });
        // The approval is for what the sale takes off: half the tea's 4.00.
        await approval.getByText('($2.00 off the list prices, no more)').waitFor();
        await approval.getByLabel('Manager’s e-mail').fill(owner.email);
        await approval.getByLabel('PIN').fill(PIN);
        await approval.getByRole('button', { name: 'Approve' }).click();
        // 4.00 − 2.00 = 2.00 + 10% VAT.
        await status('Sale recorded').waitFor();
        await expect(status('Sale recorded').textContent()).resolves.toContain('$2.20');
        const [sale] = await api.listSales();
        expect(sale).toMatchObject({ total: 2.2, discountTotal: 2 });
      },
    );

    step('at phone width, the line adjustment and the till fit the screen', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${ctx.server.baseUrl}/stores/${api.storeId}/sales/new`);
      await heading('Quick sale').waitFor();
      await ringUp('TEA');
      await page.getByRole('button', { name: 'Adjust price of Green Tea' }).click();
      const dialog = page.getByRole('dialog', { name: 'Adjust Green Tea' });
      await dialog.getByLabel('Adjustment').selectOption('amount');
      await dialog.getByLabel('Amount off').fill('0.5');
      const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'the line adjustment at phone width', { selector: 'dialog' });
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await page
        .getByRole('table', { name: 'Sale lines' })
        .getByRole('row', { name: /Green Tea/ })
        .getByText('$3.50')
        .waitFor();
      const pageOverflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(pageOverflow).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 860 });
    });
  },
);
