// An admin registers a webhook in Settings: the signing secret is shown once; "Send test
// event" reaches a receiver this test runs (its signature checks out with that secret); the
// delivery log shows the outcome and redelivers; disabling and deleting work from the list.
const crypto = require('node:crypto');
const http = require('node:http');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const admin = { name: 'Wren Hook', email: `wren.${run}@example.com`, password: 'Hook-Line-42' };

/** `Nimbus-Signature` checked as a receiver would (README, "Webhooks"). */
function verify(header, body, secret) {
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const want = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts.some(
    ([k, v]) =>
      k === 'v1' && /^[0-9a-f]{64}$/.test(v) && crypto.timingSafeEqual(Buffer.from(v, 'hex'), want),
  );
}

describeWithBrowser('Nimbus web: webhooks in Settings', () => {
  const { ctx, step } = useJourney({ env: { OUTBOUND_ALLOW_PRIVATE: 'true' } });
  const { heading, storeTab } = screen(ctx);
  const received = [];
  const ids = {};
  let receiver;
  let page;
  const card = () => page.getByRole('region', { name: 'Webhooks', exact: true });
  const hookRow = () => card().getByRole('table', { name: 'Webhooks' }).getByRole('row').nth(1);
  const log = () => page.getByRole('table', { name: `Deliveries to ${ids.url}` });

  async function receivedCount(n) {
    for (let i = 0; received.length < n; i++) {
      if (i > 150) throw new Error(`the receiver got ${received.length} requests, not ${n}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    page = ctx.page;
    receiver = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(200).end('thanks');
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    ids.url = `http://127.0.0.1:${receiver.address().port}/nimbus`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  step('when an admin registers a webhook, then its signing secret is shown once', async () => {
    ids.store = await registerWithStore(ctx, admin, 'Hook Hardware');
    await storeTab('Settings').click();
    await heading('Store settings').waitFor();
    await card().getByText('No webhooks yet.').waitFor();

    await card().getByRole('button', { name: 'New webhook…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByLabel('URL', { exact: true }).fill(ids.url);
    await dialog.getByLabel('All events').uncheck();
    await dialog.getByLabel('inventory.stock_updated').check();
    await dialog.getByLabel('product.created').check();
    await dialog.getByRole('button', { name: 'Create webhook' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy the signing secret' });
    await shown.getByText('it will not be shown again').waitFor();
    ids.secret = await shown.getByLabel('Signing secret').inputValue();
    expect(ids.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, 'a new webhook, its secret shown once');
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });

    await hookRow().getByRole('cell').first().getByText(ids.url, { exact: true }).waitFor();
    await hookRow().getByText('inventory.stock_updated, product.created').waitFor();
    await hookRow().getByText('Enabled', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(ids.secret);
  });

  step(
    'when the admin sends a test event, then the receiver gets it signed and the log shows it delivered',
    async () => {
      await hookRow()
        .getByRole('button', { name: `Send test event to ${ids.url}` })
        .click();
      await receivedCount(1);
      const [got] = received;
      expect(got.headers['nimbus-event-type']).toBe('webhook.test');
      expect(verify(got.headers['nimbus-signature'], got.body, ids.secret)).toBe(true);
      const row = log().getByRole('row').nth(1);
      await row.getByText('Delivered').waitFor();
      await row.getByText('200', { exact: true }).waitFor();
      await row.getByText('thanks').waitFor();
      await expectAccessible(page, 'a webhook delivery log');

      await row.getByRole('button', { name: 'Redeliver webhook.test' }).click();
      await receivedCount(2);
      expect(received[1].headers['nimbus-event-id']).toBe(got.headers['nimbus-event-id']);
      await log().getByRole('row').nth(2).getByText('Delivered').waitFor();
    },
  );

  step('when the admin disables and then deletes the webhook, then the list says so', async () => {
    await hookRow()
      .getByRole('button', { name: `Disable ${ids.url}` })
      .click();
    await hookRow().getByText('Disabled: Disabled by an admin').waitFor();
    await hookRow()
      .getByRole('button', { name: `Delete webhook ${ids.url}` })
      .click();
    await hookRow()
      .getByRole('button', { name: `Confirm delete of webhook ${ids.url}` })
      .click();
    await card().getByText('No webhooks yet.').waitFor();
  });
});
