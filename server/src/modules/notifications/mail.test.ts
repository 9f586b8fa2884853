import { withTransaction } from '../../db/pool';
import { buildTestApp, type TestApp } from '../../test/app';
import {
  addMember,
  createProduct,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { startSmtp } from '../../test/smtp';

/*
 * Notification e-mail against a real SMTP server started here: immediate mails from a job
 * queued as the notification is made, and the daily digest (one mail per person across their
 * stores, each notification mailed once).
 */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({
    OUTBOX_POLL_MS: '50',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Nimbus <alerts@nimbus.test>',
    PUBLIC_URL: 'https://nimbus.example',
  });
  t.services.outboxPublisher.start();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
const mailsTo = (email: string) => smtp.mailsTo(email);

async function alertsDelivered(s: StoreMember) {
  await s.api.post(`${s.url}/alerts/check`).set(s.auth).expect(200);
  t.services.outboxPublisher.poke();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND published_at IS NULL',
      [s.storeId],
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the events');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
const digest = async (storeId: string) => {
  await withTransaction(t.db.pool, (tx) => t.services.notificationMail.queueDigest(tx, storeId));
  await t.services.jobs.drain();
};

test('when an employee asks for e-mail of stock-outs, then one mail at once from a job, to them only, with the link', async () => {
  const manager = await storeWithMember(t, 'manager');
  const employee = await memberOf(t, manager.storeId, 'employee');
  await employee.api
    .put('/api/v1/me/notification-preferences')
    .set(employee.auth)
    .send({ kinds: { out_of_stock: { email: true } } })
    .expect(200);
  const yeast = await createProduct(manager, { name: 'Yeast', initialQuantity: 0 });
  await alertsDelivered(manager);
  expect(mailsTo(employee.user.email)).toEqual([]); // queued, not sent in the publisher
  await t.services.jobs.drain();

  const mails = mailsTo(employee.user.email);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe('Nimbus: Yeast is out of stock');
  expect(mails[0]!.from).toBe('Nimbus <alerts@nimbus.test>');
  expect(mails[0]!.body).toContain(
    `https://nimbus.example/stores/${manager.storeId}/products/${yeast.id}`,
  );
  // The manager's mail waits for the digest.
  expect(mailsTo(manager.user.email)).toEqual([]);
  await t.services.jobs.drain();
  expect(mailsTo(employee.user.email)).toHaveLength(1);
});

test('when a manager of two stores has alerts in both, then the daily digest is one mail listing both, and the next digest sends nothing again', async () => {
  const first = await storeWithMember(t, 'manager');
  const second = await storeWithMember(t, 'admin');
  await addMember(t.db.pool, second.storeId, first.user.id, 'manager');
  await createProduct(first, { name: 'Oats', initialQuantity: 0 });
  await createProduct(second, { name: 'Rice', initialQuantity: 1, reorderPoint: 4 });
  await alertsDelivered(first);
  await alertsDelivered(second);
  await t.services.jobs.drain();
  expect(mailsTo(first.user.email)).toEqual([]);

  await digest(first.storeId);
  await digest(second.storeId);
  const mails = mailsTo(first.user.email);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe('Nimbus daily digest: 2 new alerts');
  expect(mails[0]!.body).toContain('Oats is out of stock');
  expect(mails[0]!.body).toContain('Rice is low: 1 unit left, reorder point 4');
  // The second store's admin had only Rice.
  expect(mailsTo(second.user.email).map((m) => m.subject)).toEqual([
    'Nimbus daily digest: 1 new alert',
  ]);
  await digest(first.storeId);
  expect(mailsTo(first.user.email)).toHaveLength(1);
});
