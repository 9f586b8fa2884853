import { useTestApp } from '../../test/app';
import { createUser, DEFAULT_PASSWORD, storeWithMember, uniqueEmail } from '../../test/factories';
import { withApiKey } from '../../test/api-keys';
import { authRequests } from '../../test/auth-requests';

/** `PATCH /api/v1/me`: the caller edits their own name and e-mail. */
const t = useTestApp();
const { login } = authRequests(t);

const patchMe = (token: string, body: object) =>
  t.api.patch('/api/v1/me').set('Authorization', `Bearer ${token}`).send(body);

const userRow = async (id: string) =>
  (await t.db.pool.query('SELECT name, email FROM users WHERE id = $1', [id])).rows[0];

test('when a user renames themselves, then the answer is their me and the record holds the new name', async () => {
  const s = await storeWithMember(t, 'employee');
  const token = s.auth.Authorization!.slice('Bearer '.length);
  const res = await patchMe(token, { name: '  Ana Ruiz ' }).expect(200);
  expect(res.body.data.user).toEqual(expect.objectContaining({ id: s.user.id, name: 'Ana Ruiz' }));
  expect(res.body.data.memberships).toEqual([
    expect.objectContaining({ storeId: s.storeId, role: 'employee' }),
  ]);
  expect(await userRow(s.user.id)).toEqual({ name: 'Ana Ruiz', email: s.user.email });
});

test('when a user changes their e-mail with their password, then they sign in with the new one; without it or with a wrong one, 400 and nothing changes', async () => {
  const s = await storeWithMember(t, 'viewer');
  const token = s.auth.Authorization!.slice('Bearer '.length);
  const next = uniqueEmail('moved');

  const missing = await patchMe(token, { email: next }).expect(400);
  expect(missing.body.error.details).toEqual([
    expect.objectContaining({ field: 'currentPassword', code: 'required' }),
  ]);
  const wrong = await patchMe(token, { email: next, currentPassword: 'not-it-123A' }).expect(400);
  expect(wrong.body.error.details).toEqual([
    expect.objectContaining({ field: 'currentPassword', code: 'invalid_password' }),
  ]);
  expect((await userRow(s.user.id)).email).toBe(s.user.email);

  const res = await patchMe(token, { email: next, currentPassword: DEFAULT_PASSWORD }).expect(200);
  expect(res.body.data.user.email).toBe(next);
  await login(next).expect(200);
  await login(s.user.email).expect(401);
  // The same address again in capitals is no change: no password needed.
  await patchMe(token, { email: next.toUpperCase() }).expect(200);
});

test('when the e-mail belongs to another account, then 409 on email; an empty or unknown field is 400', async () => {
  const s = await storeWithMember(t, 'admin');
  const other = await createUser(t.db.pool);
  const token = s.auth.Authorization!.slice('Bearer '.length);
  const taken = await patchMe(token, {
    email: other.email,
    currentPassword: DEFAULT_PASSWORD,
  }).expect(409);
  expect(taken.body.error.details).toEqual([expect.objectContaining({ field: 'email' })]);
  for (const body of [{}, { name: '' }, { role: 'admin' }, { email: 'not-an-address' }])
    await patchMe(token, body).expect(400);
  expect(await userRow(s.user.id)).toEqual({ name: s.user.name, email: s.user.email });
});

test('when nobody is signed in, then 401; an API key gets 403: a profile is a person’s', async () => {
  await t.api.patch('/api/v1/me').send({ name: 'X' }).expect(401);
  const admin = await storeWithMember(t, 'admin');
  const key = await withApiKey(admin, 'manager');
  await t.api.patch('/api/v1/me').set(key.auth).send({ name: 'X' }).expect(403);
});
