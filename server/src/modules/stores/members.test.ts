import { useTestApp } from '../../test/app';
import {
  buildUser,
  createUser,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';

const t = useTestApp();

const addOrInvite = (by: StoreMember, body: { email: string; role: string }) =>
  t.api.post(`${by.url}/members`).set(by.auth).send(body);
const setRole = (by: StoreMember, userId: string, role: string) =>
  t.api.patch(`${by.url}/members/${userId}`).set(by.auth).send({ role });
const removeMember = (by: StoreMember, userId: string) =>
  t.api.delete(`${by.url}/members/${userId}`).set(by.auth);
const roleOf = async (storeId: string, userId: string) =>
  (
    await t.db.pool.query('SELECT role FROM memberships WHERE store_id = $1 AND user_id = $2', [
      storeId,
      userId,
    ])
  ).rows[0]?.role;

test('when an admin adds an existing user with a role, then they are a member with that role and get mail', async () => {
  const admin = await storeWithMember(t, 'admin');
  const colleague = await createUser(t.db.pool, { name: 'Casey' });
  const res = await addOrInvite(admin, {
    email: colleague.email.toUpperCase(),
    role: 'employee',
  }).expect(201);
  expect(res.body.data).toEqual({
    status: 'added',
    member: expect.objectContaining({ userId: colleague.id, name: 'Casey', role: 'employee' }),
  });
  expect(await roleOf(admin.storeId, colleague.id)).toBe('employee');
  const list = await t.api.get(`${admin.url}/members`).set(admin.auth).expect(200);
  expect(list.body.data).toHaveLength(2);
  const mail = await t.db.pool.query('SELECT subject FROM mail_outbox WHERE to_address = $1', [
    colleague.email,
  ]);
  expect(mail.rowCount).toBe(1);
  const dup = await addOrInvite(admin, { email: colleague.email, role: 'viewer' }).expect(409);
  expect(dup.body.error.code).toBe('CONFLICT');
  expect(await roleOf(admin.storeId, colleague.id)).toBe('employee');
});

test('when an admin invites an unknown e-mail, then registering with it joins the store with that role', async () => {
  const admin = await storeWithMember(t, 'admin');
  const invitee = buildUser();
  const res = await addOrInvite(admin, { email: invitee.email, role: 'manager' }).expect(201);
  expect(res.body.data).toEqual({
    status: 'invited',
    invitation: expect.objectContaining({ email: invitee.email, role: 'manager' }),
  });
  const pending = await t.api.get(`${admin.url}/invitations`).set(admin.auth).expect(200);
  expect(pending.body.data.map((i: { email: string }) => i.email)).toEqual([invitee.email]);

  const reg = await t.api.post('/api/v1/auth/register').send(invitee).expect(201);
  expect(await roleOf(admin.storeId, reg.body.data.user.id)).toBe('manager');
  const after = await t.api.get(`${admin.url}/invitations`).set(admin.auth).expect(200);
  expect(after.body.data).toEqual([]);
});

/** The token in the invitation mail's register link. */
async function invitationToken(email: string) {
  const mail = await t.db.pool.query('SELECT body FROM mail_outbox WHERE to_address = $1', [email]);
  const token = /\/register\?invitation=([\w.-]+)/.exec(mail.rows[0]?.body ?? '')?.[1];
  expect(token).toBeDefined();
  return token!;
}
const readInvitation = (token: string) =>
  t.api.get(`/api/v1/auth/invitation?token=${encodeURIComponent(token)}`);

test('when an invitee opens the link in the mail, then its register page learns the store, address and role; not once it is used', async () => {
  const admin = await storeWithMember(t, 'admin');
  const store = await t.api.get(admin.url).set(admin.auth).expect(200);
  const invitee = buildUser();
  await addOrInvite(admin, { email: invitee.email, role: 'employee' }).expect(201);
  const token = await invitationToken(invitee.email);
  const res = await readInvitation(token).expect(200);
  expect(res.body.data).toEqual({
    storeName: store.body.data.name,
    email: invitee.email,
    role: 'employee',
  });

  // Another token's signature, a made-up one, and none at all.
  const [head, body] = token.split('.');
  await readInvitation(`${head}.${body}.${'A'.repeat(43)}`).expect(404);
  await readInvitation('not-a-token').expect(404);
  await t.api.get('/api/v1/auth/invitation').expect(400);
  // An access token is not an invitation token, nor the other way round.
  await readInvitation(t.tokenFor(admin.user.id)).expect(404);
  await t.api.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);

  await t.api.post('/api/v1/auth/register').send(invitee).expect(201);
  await readInvitation(token).expect(404);
});

test('when an admin revokes an invitation, then registering no longer joins', async () => {
  const admin = await storeWithMember(t, 'admin');
  const invitee = buildUser();
  const inv = await addOrInvite(admin, { email: invitee.email, role: 'viewer' }).expect(201);
  const invitation = `${admin.url}/invitations/${inv.body.data.invitation.id}`;
  const token = await invitationToken(invitee.email);
  await readInvitation(token).expect(200);
  await t.api.delete(invitation).set(admin.auth).expect(204);
  await readInvitation(token).expect(404);
  await t.api.delete(invitation).set(admin.auth).expect(404);
  const reg = await t.api.post('/api/v1/auth/register').send(invitee).expect(201);
  expect(await roleOf(admin.storeId, reg.body.data.user.id)).toBeUndefined();
});

test('when the last admin would be demoted or removed, then 409 INVALID_STATE and nothing changes', async () => {
  const admin = await storeWithMember(t, 'admin');
  const demote = await setRole(admin, admin.user.id, 'manager').expect(409);
  expect(demote.body.error.code).toBe('INVALID_STATE');
  await removeMember(admin, admin.user.id).expect(409);
  expect(await roleOf(admin.storeId, admin.user.id)).toBe('admin');

  const second = await memberOf(t, admin.storeId, 'employee');
  await setRole(admin, second.user.id, 'admin').expect(200);
  await setRole(admin, admin.user.id, 'viewer').expect(200);
  expect(await roleOf(admin.storeId, admin.user.id)).toBe('viewer');
});

test('when two admins demote each other at once, then one admin always remains', async () => {
  const admin = await storeWithMember(t, 'admin');
  const other = await memberOf(t, admin.storeId, 'admin');
  const results = await Promise.all([
    setRole(admin, other.user.id, 'viewer'),
    setRole(other, admin.user.id, 'viewer'),
  ]);
  const { rows } = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM memberships WHERE store_id = $1 AND role = 'admin'",
    [admin.storeId],
  );
  expect(rows[0].n).toBe(1);
  expect(results.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
  expect(results.some((r) => r.status === 200)).toBe(true);
});

test('when a member leaves, then they are removed; when they remove someone else without the permission, then 403', async () => {
  const admin = await storeWithMember(t, 'admin');
  const a = await memberOf(t, admin.storeId, 'employee');
  const b = await memberOf(t, admin.storeId, 'manager');
  await removeMember(a, b.user.id).expect(403);
  await setRole(a, b.user.id, 'viewer').expect(403);
  await removeMember(a, a.user.id).expect(204);
  expect(await roleOf(admin.storeId, a.user.id)).toBeUndefined();
  await removeMember(admin, b.user.id).expect(204);
  await removeMember(admin, b.user.id).expect(404);
});

test("when member requests are malformed or name another store's member, then 400/404 and nothing changes", async () => {
  const admin = await storeWithMember(t, 'admin');
  const elsewhere = await storeWithMember(t, 'admin');
  await setRole(admin, 'not-a-uuid', 'viewer').expect(400);
  const badRole = await addOrInvite(admin, { email: 'x@example.test', role: 'owner' }).expect(400);
  expect(badRole.body.error.details[0].field).toBe('role');
  await addOrInvite(admin, { email: 'nope', role: 'viewer' }).expect(400);
  // A user of another store is "not found" here, exactly as if they did not exist.
  await setRole(admin, elsewhere.user.id, 'viewer').expect(404);
  await removeMember(admin, elsewhere.user.id).expect(404);
  expect(await roleOf(elsewhere.storeId, elsewhere.user.id)).toBe('admin');
});
