import { useTestApp } from '../../test/app';
import { createProduct, memberOf, quantityOf, storeWithMember } from '../../test/factories';
import { postAdjustment } from '../../test/requests';

const t = useTestApp();

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('when stock is past its expiry date, then status=expired lists it until it is written off as expired', async () => {
  const admin = await storeWithMember(t, 'admin');
  const employee = await memberOf(t, admin.storeId, 'employee');
  const yogurt = await createProduct(admin, {
    name: 'Yogurt',
    expiresAt: day(-3),
    initialQuantity: 7,
  });
  await createProduct(admin, { name: 'Fresh', expiresAt: day(10), initialQuantity: 4 });
  await createProduct(admin, { name: 'Gone', expiresAt: day(-3), initialQuantity: 0 });
  const list = async () =>
    (
      await employee.api
        .get(`${employee.url}/products?status=expired`)
        .set(employee.auth)
        .expect(200)
    ).body.data.map((p: { name: string }) => p.name);
  expect(await list()).toEqual(['Yogurt']);

  // The SPA's "Write off expired": everything on hand, reason expired, through the ledger.
  const res = await postAdjustment(
    employee,
    yogurt.id,
    { delta: -7, reason: 'expired' },
    'w-1',
  ).expect(201);
  expect(res.body.data.movement).toEqual(expect.objectContaining({ delta: -7, reason: 'expired' }));
  expect(await quantityOf(t, yogurt.id)).toBe(0);
  expect(await list()).toEqual([]);

  const other = await storeWithMember(t, 'admin');
  const theirs = await other.api
    .get(`${other.url}/products?status=expired`)
    .set(other.auth)
    .expect(200);
  expect(theirs.body.data).toEqual([]);
  await employee.api.get(`${employee.url}/products?status=rotten`).set(employee.auth).expect(400);
});
