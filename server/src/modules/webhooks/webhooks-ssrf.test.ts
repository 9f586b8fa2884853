import { useTestApp } from '../../test/app';
import { storeWithMember } from '../../test/factories';
import { startReceiver, type Receiver } from '../../test/webhook-receiver';

/*
 * Webhook URLs without OUTBOUND_ALLOW_PRIVATE (the default): a private, loopback, link-local
 * or mapped address is refused when the endpoint is registered, and a host name that
 * resolves to one is refused by the outbound guard when the delivery connects.
 */
const t = useTestApp({ OUTBOX_POLL_MS: '50', WEBHOOK_MAX_FAILURES: '5' });
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

test('when a webhook URL is a private, loopback, link-local, metadata or IPv4-mapped address, then registering it is 400 and nothing is stored', async () => {
  const s = await storeWithMember(t, 'admin');
  for (const url of [
    receiver.url('/x'),
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fe80::1]/hook',
    'http://0.0.0.0/hook',
    'http://user:pass@example.com/hook',
  ]) {
    const res = await s.api.post(`${s.url}/webhooks`).set(s.auth).send({ url }).expect(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'url' })]);
  }
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM webhook_endpoints WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(0);
});

test('when a host name resolves to 127.0.0.1, then the delivery is refused on connecting: the receiver gets nothing and the log says why', async () => {
  const s = await storeWithMember(t, 'admin');
  const created = await s.api
    .post(`${s.url}/webhooks`)
    .set(s.auth)
    .send({ url: `http://localhost:${receiver.port}/sneaky` })
    .expect(201);
  const id = created.body.data.id as string;
  await s.api.post(`${s.url}/webhooks/${id}/test`).set(s.auth).expect(202);
  const deadline = Date.now() + 15_000;
  for (;;) {
    await t.services.jobs.drain();
    const { rows } = await t.db.pool.query(
      'SELECT status, error, response_status FROM webhook_deliveries WHERE endpoint_id = $1',
      [id],
    );
    if (rows[0]?.status === 'failed') {
      expect(rows[0].error).toMatch(/loopback/);
      expect(rows[0].response_status).toBeNull();
      break;
    }
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(receiver.received).toEqual([]);
});
