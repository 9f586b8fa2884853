import { useTestApp } from '../../../test/app';
import {
  countRows,
  createProduct,
  memberOf,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../../test/factories';
import { postSale } from '../../../test/requests';
import { settle } from '../checkout/checkout-test-helpers';

/*
 * A manager's approval of a discount is for an amount: the most the sale may take off its list
 * prices (discounts and lower prices together). A sale or quote taking off more with its token
 * is 403 APPROVAL_INVALID and leaves the approval unused (issue 22).
 */
const t = useTestApp();
const PIN = '604218';

async function till() {
  const manager = await storeWithMember(t, 'manager');
  const employee = await memberOf(t, manager.storeId, 'employee');
  await settle(await memberOf(t, manager.storeId, 'admin'), { employeeDiscountLimitPercent: 10 });
  await manager.api
    .put('/api/v1/me/approval-pin')
    .set(manager.auth)
    .send({ pin: PIN, currentPassword: manager.user.password })
    .expect(200);
  const kettle = await createProduct(manager, { name: 'Kettle', price: 20, initialQuantity: 10 });
  const approve = (body: object) =>
    employee.api
      .post(`${employee.url}/approvals`)
      .set(employee.auth)
      .send({ email: manager.user.email, pin: PIN, ...body });
  return { manager, employee, kettle, approve };
}

const send = (m: StoreMember, path: string, body: object, token: string) =>
  m.api.post(`${m.url}${path}`).set(m.auth).set({ 'Approval-Token': token }).send(body);

const approvalRows = async (storeId: string) =>
  (
    await t.db.pool.query(
      'SELECT amount, sale_id, used_at FROM sale_approvals WHERE store_id = $1',
      [storeId],
    )
  ).rows;

test('when a sale takes off more than the approved amount, then 403 APPROVAL_INVALID, nothing is sold and the approval still covers the amount it approved', async () => {
  const { employee, kettle, approve } = await till();
  const approval = (await approve({ action: 'discount', amount: 6 }).expect(201)).body.data;
  expect(approval.amount).toBe(6);
  const sale = (percent: number) => ({
    items: [{ productId: kettle.id, quantity: 1, discount: { percent } }],
  });

  // 40% of 20.00 is 8.00 off: more than the 6.00 approved, for the quote and the sale.
  const quoted = await send(employee, '/sales/quote', sale(40), approval.token).expect(403);
  expect(quoted.body.error.code).toBe('APPROVAL_INVALID');
  const refused = await send(employee, '/sales', sale(40), approval.token).expect(403);
  expect(refused.body.error.code).toBe('APPROVAL_INVALID');
  expect(refused.body.error.message).toMatch(/at most the amount approved/);
  expect(await countRows(t, 'sales', employee.storeId)).toBe(0);
  expect(await quantityOf(t, kettle.id)).toBe(10);
  expect(await approvalRows(employee.storeId)).toEqual([
    { amount: '6.00', sale_id: null, used_at: null },
  ]);

  // 30% is 6.00 off: exactly what was approved.
  const made = (await send(employee, '/sales', sale(30), approval.token).expect(201)).body.data;
  expect(made.total).toBe(14);
  const [row] = await approvalRows(employee.storeId);
  expect(row).toMatchObject({ amount: '6.00', sale_id: made.id });
  expect(row.used_at).not.toBeNull();
});

test('when a lower price and a sale discount together take off more than approved, then 403; within it, the sale goes through', async () => {
  const { employee, kettle, approve } = await till();
  const { token } = (await approve({ action: 'discount', amount: 5 }).expect(201)).body.data;
  // 2 × (20 − 18) = 4.00 off the list prices, and 10% of the 36.00 left: 3.60 more.
  const body = {
    items: [{ productId: kettle.id, quantity: 2, unitPrice: 18, priceOverrideReason: 'Dented' }],
  };
  const over = await send(employee, '/sales', { ...body, discount: { percent: 10 } }, token);
  expect(over.status).toBe(403);
  expect(over.body.error.code).toBe('APPROVAL_INVALID');
  expect(await countRows(t, 'sales', employee.storeId)).toBe(0);
  // 4.00 + 1.00 off is 5.00: approved.
  const made = await send(employee, '/sales', { ...body, discount: { amount: 1 } }, token);
  expect(made.status).toBe(201);
  expect(made.body.data.total).toBe(35);
  expect(await quantityOf(t, kettle.id)).toBe(8);
});

test('when a discount approval has no amount, or a void’s has one, then 400 names amount and no approval is made', async () => {
  const { employee, kettle, approve } = await till();
  const sale = (
    await postSale(employee, { items: [{ productId: kettle.id, quantity: 1 }] }).expect(201)
  ).body.data;
  for (const body of [
    { action: 'discount' },
    { action: 'discount', amount: -1 },
    { action: 'discount', amount: 1.005 },
    { action: 'discount', amount: '5' },
    { action: 'void', saleId: sale.id, amount: 5 },
  ]) {
    const res = await approve(body).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('amount');
  }
  expect(await approvalRows(employee.storeId)).toEqual([]);
});
