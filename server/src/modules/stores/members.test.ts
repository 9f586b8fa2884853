import { buildTestApp, type TestApp } from '../../test/app';
import { addMember, buildUser, createStore, createUser } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const as = (userId: string) => ({ Authorization: `Bearer ${t.tokenFor(userId)}` });
const roleOf = async (storeId: string, userId: string) =>
  (
    await t.db.pool.query('SELECT role FROM memberships WHERE store_id = $1 AND user_id = $2', [
      storeId,
      userId,
    ])
  ).rows[0]?.role;

async function adminStore() {
  const admin = await createUser(t.db.pool);
  const store = await createStore(t.db.pool);
  await addMember(t.db.pool, store.id, admin.id, 'admin');
  return { admin, store, url: `/api/v1/stores/${store.id}` };
}

test('when an admin adds an existing user with a role, then they are a member with that role and get mail', async () => {
  const { admin, store, url } = await adminStore();
  const colleague = await createUser(t.db.pool, { name: 'Casey' });
  const res = await t.api
    .post(`${url}/members`)
    .set(as(admin.id))
    .send({ email: colleague.email.toUpperCase(), role: 'employee' })
    .expect(201);
  expect(res.body.data).toEqual({
    status: 'added',
    member: expect.objectContaining({ userId: colleague.id, name: 'Casey', role: 'employee' }),
  });
  expect(await roleOf(store.id, colleague.id)).toBe('employee');
  const list = await t.api.get(`${url}/members`).set(as(admin.id)).expect(200);
  expect(list.body.data).toHaveLength(2);
  const mail = await t.db.pool.query('SELECT subject FROM mail_outbox WHERE to_address = $1', [
    colleague.email,
  ]);
  expect(mail.rowCount).toBe(1);
  const dup = await t.api
    .post(`${url}/members`)
    .set(as(admin.id))
    .send({ email: colleague.email, role: 'viewer' })
    .expect(409);
  expect(dup.body.error.code).toBe('CONFLICT');
  expect(await roleOf(store.id, colleague.id)).toBe('employee');
});

test('when an admin invites an unknown e-mail, then registering with it joins the store with that role', async () => {
  const { admin, store, url } = await adminStore();
  const invitee = buildUser();
  const res = await t.api
    .post(`${url}/members`)
    .set(as(admin.id))
    .send({ email: invitee.email, role: 'manager' })
    .expect(201);
  expect(res.body.data).toEqual({
    status: 'invited',
    invitation: expect.objectContaining({ email: invitee.email, role: 'manager' }),
  });
  const pending = await t.api.get(`${url}/invitations`).set(as(admin.id)).expect(200);
  expect(pending.body.data.map((i: { email: string }) => i.email)).toEqual([invitee.email]);

  const reg = await t.api.post('/api/v1/auth/register').send(invitee).expect(201);
  expect(await roleOf(store.id, reg.body.data.user.id)).toBe('manager');
  const after = await t.api.get(`${url}/invitations`).set(as(admin.id)).expect(200);
  expect(after.body.data).toEqual([]);
});

test('when an admin revokes an invitation, then registering no longer joins', async () => {
  const { admin, store, url } = await adminStore();
  const invitee = buildUser();
  const inv = await t.api
    .post(`${url}/members`)
    .set(as(admin.id))
    .send({ email: invitee.email, role: 'viewer' })
    .expect(201);
  await t.api
    .delete(`${url}/invitations/${inv.body.data.invitation.id}`)
    .set(as(admin.id))
    .expect(204);
  await t.api
    .delete(`${url}/invitations/${inv.body.data.invitation.id}`)
    .set(as(admin.id))
    .expect(404);
  const reg = await t.api.post('/api/v1/auth/register').send(invitee).expect(201);
  expect(await roleOf(store.id, reg.body.data.user.id)).toBeUndefined();
});

test('when the last admin would be demoted or removed, then 409 INVALID_STATE and nothing changes', async () => {
  const { admin, store, url } = await adminStore();
  const demote = await t.api
    .patch(`${url}/members/${admin.id}`)
    .set(as(admin.id))
    .send({ role: 'manager' })
    .expect(409);
  expect(demote.body.error.code).toBe('INVALID_STATE');
  await t.api.delete(`${url}/members/${admin.id}`).set(as(admin.id)).expect(409);
  expect(await roleOf(store.id, admin.id)).toBe('admin');

  const second = await createUser(t.db.pool);
  await addMember(t.db.pool, store.id, second.id, 'employee');
  await t.api
    .patch(`${url}/members/${second.id}`)
    .set(as(admin.id))
    .send({ role: 'admin' })
    .expect(200);
  await t.api
    .patch(`${url}/members/${admin.id}`)
    .set(as(admin.id))
    .send({ role: 'viewer' })
    .expect(200);
  expect(await roleOf(store.id, admin.id)).toBe('viewer');
});

test('when two admins demote each other at once, then one admin always remains', async () => {
  const { admin, store, url } = await adminStore();
  const other = await createUser(t.db.pool);
  await addMember(t.db.pool, store.id, other.id, 'admin');
  const results = await Promise.all([
    t.api.patch(`${url}/members/${other.id}`).set(as(admin.id)).send({ role: 'viewer' }),
    t.api.patch(`${url}/members/${admin.id}`).set(as(other.id)).send({ role: 'viewer' }),
  ]);
  const { rows } = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM memberships WHERE store_id = $1 AND role = 'admin'",
    [store.id],
  );
  expect(rows[0].n).toBe(1);
  expect(results.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
  expect(results.some((r) => r.status === 200)).toBe(true);
});

test('when a member leaves, then they are removed; when they remove someone else without the permission, then 403', async () => {
  const { admin, store, url } = await adminStore();
  const a = await createUser(t.db.pool);
  const b = await createUser(t.db.pool);
  await addMember(t.db.pool, store.id, a.id, 'employee');
  await addMember(t.db.pool, store.id, b.id, 'manager');
  await t.api.delete(`${url}/members/${b.id}`).set(as(a.id)).expect(403);
  await t.api.patch(`${url}/members/${b.id}`).set(as(a.id)).send({ role: 'viewer' }).expect(403);
  await t.api.delete(`${url}/members/${a.id}`).set(as(a.id)).expect(204);
  expect(await roleOf(store.id, a.id)).toBeUndefined();
  await t.api.delete(`${url}/members/${b.id}`).set(as(admin.id)).expect(204);
  await t.api.delete(`${url}/members/${b.id}`).set(as(admin.id)).expect(404);
});

test("when member requests are malformed or name another store's member, then 400/404 and nothing changes", async () => {
  const { admin, url } = await adminStore();
  const elsewhere = await adminStore();
  await t.api
    .patch(`${url}/members/not-a-uuid`)
    .set(as(admin.id))
    .send({ role: 'viewer' })
    .expect(400);
  const badRole = await t.api
    .post(`${url}/members`)
    .set(as(admin.id))
    .send({ email: 'x@example.test', role: 'owner' })
    .expect(400);
  expect(badRole.body.error.details[0].field).toBe('role');
  await t.api
    .post(`${url}/members`)
    .set(as(admin.id))
    .send({ email: 'nope', role: 'viewer' })
    .expect(400);
  // A user of another store is "not found" here, exactly as if they did not exist.
  await t.api
    .patch(`${url}/members/${elsewhere.admin.id}`)
    .set(as(admin.id))
    .send({ role: 'viewer' })
    .expect(404);
  await t.api.delete(`${url}/members/${elsewhere.admin.id}`).set(as(admin.id)).expect(404);
  expect(await roleOf(elsewhere.store.id, elsewhere.admin.id)).toBe('admin');
});
