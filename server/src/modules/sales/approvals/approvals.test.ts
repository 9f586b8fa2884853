import { useTestApp } from '../../../test/app';
import { withApiKey } from '../../../test/api-keys';
import {
  createProduct,
  memberOf,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../../test/factories';
import { postSale } from '../../../test/requests';
import { settle } from '../checkout/checkout-test-helpers';

/** Manager approval of employees' voids, refunds and discounts (issue 22). */
const t = useTestApp();

const PIN = '482913';

const setPin = (m: StoreMember, pin = PIN) =>
  m.api.put('/api/v1/me/approval-pin').set(m.auth).send({ pin, currentPassword: m.user.password });

const approve = (asker: StoreMember, body: object) =>
  asker.api.post(`${asker.url}/approvals`).set(asker.auth).send(body);

const withToken = (token?: string): Record<string, string> =>
  token ? { 'Approval-Token': token } : {};

const refund = (m: StoreMember, sale: { id: string; items: { id: string }[] }, token?: string) =>
  m.api
    .post(`${m.url}/sales/${sale.id}/refunds`)
    .set(m.auth)
    .set(withToken(token))
    .send({ lines: [{ saleLineId: sale.items[0]!.id, quantity: 1 }], reason: 'Broken' });

const voidIt = (m: StoreMember, saleId: string, token?: string) =>
  m.api
    .post(`${m.url}/sales/${saleId}/void`)
    .set(m.auth)
    .set(withToken(token))
    .send({ reason: 'Wrong basket' });

async function till() {
  const manager = await storeWithMember(t, 'manager');
  const employee = await memberOf(t, manager.storeId, 'employee');
  const p = await createProduct(manager, { name: 'Kettle', price: 20, initialQuantity: 10 });
  const sell = async () =>
    (await postSale(employee, { items: [{ productId: p.id, quantity: 2 }] }).expect(201)).body.data;
  return { manager, employee, p, sell };
}

const approvalRows = async (storeId: string) =>
  (
    await t.db.pool.query(
      `SELECT action, sale_id, refund_id, approved_by, requested_by, method, used_at
       FROM sale_approvals WHERE store_id = $1 ORDER BY created_at`,
      [storeId],
    )
  ).rows;

test('when a manager approves an employee’s refund with their PIN, then the refund goes through once and the sale shows who approved it', async () => {
  const { manager, employee, p, sell } = await till();
  const sale = await sell();
  const refused = await refund(employee, sale).expect(403);
  expect(refused.body.error.code).toBe('APPROVAL_REQUIRED');
  expect(refused.body.error.message).toMatch(/manager's approval.*Approval-Token/);

  expect((await setPin(manager)).status).toBe(200);
  const stored = await t.db.pool.query('SELECT pin_hash FROM approval_pins WHERE user_id = $1', [
    manager.user.id,
  ]);
  expect(stored.rows[0].pin_hash).toMatch(/^\$2[aby]\$12\$/); // bcrypt, never the PIN itself

  const given = await approve(employee, {
    action: 'refund',
    saleId: sale.id,
    email: manager.user.email,
    pin: PIN,
  }).expect(201);
  const approval = given.body.data;
  expect(approval).toMatchObject({
    action: 'refund',
    saleId: sale.id,
    method: 'pin',
    approvedBy: { id: manager.user.id, name: manager.user.name },
    requestedBy: { id: employee.user.id },
  });
  expect(approval.token).toMatch(/^nap_/);
  expect(Date.parse(approval.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);

  const done = await refund(employee, sale, approval.token).expect(201);
  expect(await quantityOf(t, p.id)).toBe(9);
  // Single use: the same token again is refused, and nothing more comes back.
  const again = await refund(employee, sale, approval.token).expect(403);
  expect(again.body.error.code).toBe('APPROVAL_INVALID');
  expect(await quantityOf(t, p.id)).toBe(9);

  const shown = (await employee.api.get(`${employee.url}/sales/${sale.id}`).set(employee.auth)).body
    .data;
  expect(shown.approvals).toEqual([
    expect.objectContaining({
      action: 'refund',
      refundId: done.body.data.id,
      approvedBy: { id: manager.user.id, name: manager.user.name },
      usedAt: expect.any(String),
    }),
  ]);
  expect(await approvalRows(manager.storeId)).toEqual([
    expect.objectContaining({
      action: 'refund',
      sale_id: sale.id,
      refund_id: done.body.data.id,
      approved_by: manager.user.id,
      requested_by: employee.user.id,
      method: 'pin',
      used_at: expect.any(Date),
    }),
  ]);
});

test('an approval is bound to its action, sale, asker and store, and expires', async () => {
  const { manager, employee, p, sell } = await till();
  const [one, two] = [await sell(), await sell()];
  await setPin(manager).expect(200);
  const token = async (action: string, saleId?: string, asker = employee) =>
    (await approve(asker, { action, saleId, email: manager.user.email, pin: PIN }).expect(201)).body
      .data.token as string;

  const forRefundOfOne = await token('refund', one.id);
  // Another action, another sale, another employee: each refused, and the token survives.
  expect((await voidIt(employee, one.id, forRefundOfOne).expect(403)).body.error.code).toBe(
    'APPROVAL_INVALID',
  );
  await refund(employee, two, forRefundOfOne).expect(403);
  const colleague = await memberOf(t, manager.storeId, 'employee');
  await refund(colleague, one, forRefundOfOne).expect(403);
  await voidIt(employee, one.id, 'nap_made-up').expect(403);
  // Another store's approval, in a store where the same people work too.
  const other = await storeWithMember(t, 'admin');
  await t.db.pool.query(
    `INSERT INTO memberships (store_id, user_id, role) VALUES ($1, $2, 'manager'), ($1, $3, 'employee')`,
    [other.storeId, manager.user.id, employee.user.id],
  );
  const theirs = await createProduct(other, { name: 'Mug', price: 5, initialQuantity: 3 });
  const elsewhere = (
    await postSale(
      { ...employee, url: other.url },
      {
        items: [{ productId: theirs.id, quantity: 1 }],
      },
    ).expect(201)
  ).body.data;
  await refund({ ...employee, url: other.url }, elsewhere, forRefundOfOne).expect(403);
  expect(await quantityOf(t, theirs.id)).toBe(2);
  expect(await quantityOf(t, p.id)).toBe(6);
  // Still unused, it does what it was given for.
  await refund(employee, one, forRefundOfOne).expect(201);

  const forVoid = await token('void', two.id);
  await t.db.pool.query(
    `UPDATE sale_approvals SET expires_at = now() - interval '1 second' WHERE sale_id = $1 AND action = 'void'`,
    [two.id],
  );
  expect((await voidIt(employee, two.id, forVoid).expect(403)).body.error.code).toBe(
    'APPROVAL_INVALID',
  );
  await voidIt(employee, two.id, await token('void', two.id)).expect(200);
  expect(await quantityOf(t, p.id)).toBe(9);
  // A manager needs none.
  const third = await sell();
  await voidIt(manager, third.id).expect(200);
});

test('who may approve: a manager or admin of this store with the right PIN or password; wrong PINs lock the PIN', async () => {
  const { manager, employee, sell } = await till();
  const sale = await sell();
  const ask = (body: object, asker = employee) =>
    approve(asker, { action: 'void', saleId: sale.id, ...body });

  // No PIN set yet: like a wrong one.
  const noPin = await ask({ email: manager.user.email, pin: PIN }).expect(400);
  expect(noPin.body.error.details[0]).toMatchObject({ field: 'pin', code: 'invalid_pin' });
  await setPin(manager).expect(200);
  // By password instead: a sign-in on the same till.
  const byPassword = await ask({ email: manager.user.email, password: manager.user.password });
  expect(byPassword.status).toBe(201);
  expect(byPassword.body.data.method).toBe('password');
  await ask({ email: manager.user.email, password: 'not-it' }).expect(400);
  // An employee cannot approve, not even another's; a manager of another store neither.
  const colleague = await memberOf(t, manager.storeId, 'employee');
  const notApprover = await ask({
    email: colleague.user.email,
    password: colleague.user.password,
  }).expect(403);
  expect(notApprover.body.error.details[0]).toMatchObject({ code: 'not_an_approver' });
  const stranger = await storeWithMember(t, 'manager');
  await ask({ email: stranger.user.email, password: stranger.user.password }).expect(403);
  // The asker: a viewer may not ask, nor an API key; another store's member neither.
  const viewer = await memberOf(t, manager.storeId, 'viewer');
  await ask({ email: manager.user.email, pin: PIN }, viewer).expect(403);
  const admin = await memberOf(t, manager.storeId, 'admin');
  const key = await withApiKey(admin, 'employee');
  await ask({ email: manager.user.email, pin: PIN }, key).expect(403);
  await ask({ email: manager.user.email, pin: PIN }, { ...stranger, url: manager.url }).expect(403);
  // Another store's sale: not found from here.
  const theirs = await createProduct(stranger, { name: 'Lamp', price: 9, initialQuantity: 2 });
  const theirSale = (
    await postSale(stranger, { items: [{ productId: theirs.id, quantity: 1 }] }).expect(201)
  ).body.data;
  await ask({ email: manager.user.email, pin: PIN, saleId: theirSale.id }).expect(404);
  // Bad bodies.
  for (const bad of [
    { email: manager.user.email },
    { email: manager.user.email, pin: PIN, password: 'x' },
    { email: manager.user.email, pin: '12a4' },
    { email: 'nobody', pin: PIN },
    { email: manager.user.email, pin: PIN, extra: 1 },
  ])
    await ask(bad).expect(400);
  await approve(employee, {
    action: 'discount',
    saleId: sale.id,
    email: 'a@b.co',
    pin: PIN,
  }).expect(400);

  // Five wrong PINs lock it for 15 minutes, even for the right one.
  for (let i = 0; i < 5; i++) await ask({ email: manager.user.email, pin: '000000' }).expect(400);
  const locked = await ask({ email: manager.user.email, pin: PIN }).expect(429);
  expect(locked.body.error.message).toMatch(/Too many wrong PINs.*locked/);
  expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  // The password still works; a new PIN unlocks.
  await ask({ email: manager.user.email, password: manager.user.password }).expect(201);
  await setPin(manager, '1357').expect(200);
  await ask({ email: manager.user.email, pin: '1357' }).expect(201);
});

test('an employee’s discount beyond the limit goes through with an approval, which a quote checks and does not use', async () => {
  const { manager, employee, p } = await till();
  await settle(await memberOf(t, manager.storeId, 'admin'), { employeeDiscountLimitPercent: 10 });
  const body = { items: [{ productId: p.id, quantity: 1, discount: { percent: 30 } }] };
  const refused = await postSale(employee, body).expect(403);
  expect(refused.body.error).toMatchObject({
    code: 'APPROVAL_REQUIRED',
    details: [expect.objectContaining({ code: 'discount_limit' })],
  });
  await setPin(manager).expect(200);
  const { token } = (
    await approve(employee, {
      action: 'discount',
      amount: 6,
      email: manager.user.email,
      pin: PIN,
    }).expect(201)
  ).body.data;
  const quote = (path: string, tok?: string) =>
    employee.api.post(`${employee.url}${path}`).set(employee.auth).set(withToken(tok)).send(body);
  expect((await quote('/sales/quote', token).expect(200)).body.data.total).toBe(14);
  await quote('/sales/quote', 'nap_wrong').expect(403);
  const sale = (await quote('/sales', token).expect(201)).body.data;
  expect(sale.total).toBe(14);
  await quote('/sales', token).expect(403);
  const shown = (await employee.api.get(`${employee.url}/sales/${sale.id}`).set(employee.auth)).body
    .data;
  expect(shown.approvals).toEqual([
    expect.objectContaining({ action: 'discount', saleId: sale.id, refundId: null }),
  ]);
  // Within the limit, no approval is asked for (and none is used).
  await postSale(employee, {
    items: [{ productId: p.id, quantity: 1, discount: { percent: 10 } }],
  }).expect(201);
});

test('a person sets, shows and removes their own approval PIN, confirmed by their password', async () => {
  const manager = await storeWithMember(t, 'manager');
  const pinOf = () => manager.api.get('/api/v1/me/approval-pin').set(manager.auth);
  expect((await pinOf().expect(200)).body.data).toEqual({ set: false, updatedAt: null });
  const wrong = await manager.api
    .put('/api/v1/me/approval-pin')
    .set(manager.auth)
    .send({ pin: PIN, currentPassword: 'nope' })
    .expect(400);
  expect(wrong.body.error.details[0]).toMatchObject({ field: 'currentPassword' });
  for (const pin of ['123', '123456789', 'abcd', 1234])
    await manager.api
      .put('/api/v1/me/approval-pin')
      .set(manager.auth)
      .send({ pin, currentPassword: manager.user.password })
      .expect(400);
  await setPin(manager).expect(200);
  expect((await pinOf().expect(200)).body.data.set).toBe(true);
  await manager.api.delete('/api/v1/me/approval-pin').set(manager.auth).expect(204);
  expect((await pinOf().expect(200)).body.data.set).toBe(false);
  await manager.api.get('/api/v1/me/approval-pin').expect(401);
});
