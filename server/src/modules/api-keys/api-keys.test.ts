import { useTestApp, type TestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';

/*
 * API keys: an admin makes one for a store with a role; its token is answered once and works
 * on that store's routes only, within its role, until it is revoked or expires; the events it
 * causes name it.
 */
const t = useTestApp();

type Created = {
  id: string;
  token: string;
  prefix: string;
  status: string;
  expiresAt: string | null;
};

async function createKey(admin: StoreMember, body: Record<string, unknown> = {}): Promise<Created> {
  const res = await admin.api
    .post(`${admin.url}/api-keys`)
    .set(admin.auth)
    .send({ name: 'Till 1', role: 'employee', ...body })
    .expect(201);
  tokens.push(res.body.data.token);
  return res.body.data;
}

/** Every token this file created, to look for in the log. */
const tokens: string[] = [];

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The member's requests made with a key instead of their own token. */
const withKey = (s: StoreMember, token: string): StoreMember => ({ ...s, auth: as(token) });

const keysIn = async (app: TestApp, storeId: string) =>
  (await app.db.pool.query('SELECT * FROM api_keys WHERE store_id = $1', [storeId])).rows;

test('an admin creates a key and sees its token once: the list and the table never hold it; revoking refuses it at once and it stays listed as revoked', async () => {
  const admin = await storeWithMember(t, 'admin');
  const key = await createKey(admin, { name: '  Web shop ', role: 'manager' });
  expect(key).toEqual({
    id: expect.any(String),
    name: 'Web shop',
    role: 'manager',
    prefix: expect.stringMatching(/^nmb_[0-9a-f]{16}$/),
    createdBy: { id: admin.user.id, name: admin.user.name },
    createdAt: expect.any(String),
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    status: 'active',
    token: expect.stringMatching(/^nmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/),
  });
  expect(key.token.startsWith(`${key.prefix}_`)).toBe(true);

  const list = await admin.api.get(`${admin.url}/api-keys`).set(admin.auth).expect(200);
  expect(list.body.data).toEqual([{ ...key, token: undefined }].map(({ token: _t, ...k }) => k));
  expect(JSON.stringify(list.body)).not.toContain(key.token.slice(21));

  // Stored: the SHA-256 of the token, not the token or its secret part.
  const [row] = await keysIn(t, admin.storeId);
  expect(row.secret_hash).toHaveLength(32);
  const secret = key.token.slice(21);
  expect(JSON.stringify(row)).not.toContain(secret);
  expect(row.secret_hash.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));

  await admin.api.get(`${admin.url}/products`).set(as(key.token)).expect(200);
  await admin.api.delete(`${admin.url}/api-keys/${key.id}`).set(admin.auth).expect(204);
  const refused = await admin.api.get(`${admin.url}/products`).set(as(key.token)).expect(401);
  expect(refused.body.error).toEqual(
    expect.objectContaining({ code: 'UNAUTHORIZED', message: 'This API key has been revoked' }),
  );
  const after = await admin.api.get(`${admin.url}/api-keys`).set(admin.auth).expect(200);
  expect(after.body.data).toEqual([
    expect.objectContaining({ id: key.id, status: 'revoked', revokedAt: expect.any(String) }),
  ]);
  // Revoking again changes nothing; renaming keeps the key revoked.
  await admin.api.delete(`${admin.url}/api-keys/${key.id}`).set(admin.auth).expect(204);
  const renamed = await admin.api
    .patch(`${admin.url}/api-keys/${key.id}`)
    .set(admin.auth)
    .send({ name: 'Old web shop' })
    .expect(200);
  expect(renamed.body.data).toEqual(
    expect.objectContaining({ name: 'Old web shop', status: 'revoked' }),
  );
});

test('a key reads and writes its store within its role, and each event it causes names it as the actor (a person’s events name the person)', async () => {
  const admin = await storeWithMember(t, 'admin');
  const employeeKey = await createKey(admin, { name: 'Till 1', role: 'employee' });
  const viewerKey = await createKey(admin, { name: 'Dashboard', role: 'viewer' });
  const till = withKey(admin, employeeKey.token);
  const board = withKey(admin, viewerKey.token);

  const mine = await createProduct(admin, { name: 'Milk', initialQuantity: 5 });
  const made = await createProduct(till, { name: 'Bread', initialQuantity: 3 });
  await till.api
    .post(`${till.url}/products/${mine.id}/adjustments`)
    .set(till.auth)
    .send({ delta: -1, reason: 'damaged' })
    .expect(201);
  const list = await board.api.get(`${board.url}/products`).set(board.auth).expect(200);
  expect(list.body.data.map((p: { name: string }) => p.name).sort()).toEqual(['Bread', 'Milk']);

  // The role holds: a viewer key cannot write, an employee key cannot delete or see reports
  // or settings.
  const denied = await board.api
    .post(`${board.url}/products`)
    .set(board.auth)
    .send({ name: 'Nope', price: 1 })
    .expect(403);
  expect(denied.body.error.message).toBe(
    'An API key with the role viewer cannot change products and stock in this store (needs inventory:write)',
  );
  await till.api.delete(`${till.url}/products/${made.id}`).set(till.auth).expect(403);
  await till.api.patch(`${till.url}`).set(till.auth).send({ name: 'Mine now' }).expect(403);

  // The feed: who did each thing.
  const feed = await admin.api.get(`${admin.url}/events?limit=50`).set(admin.auth).expect(200);
  const byKey = { type: 'apiKey', id: employeeKey.id, name: 'Till 1' };
  const rows = feed.body.data.map((e: { type: string; actor?: unknown; payload: any }) => ({
    type: e.type,
    product: e.payload.productId,
    actor: e.actor,
  }));
  expect(rows).toEqual(
    expect.arrayContaining([
      { type: 'product.created', product: mine.id, actor: { type: 'user', id: admin.user.id } },
      { type: 'product.created', product: made.id, actor: byKey },
      { type: 'inventory.stock_updated', product: mine.id, actor: byKey },
    ]),
  );
  // What the key did, and only that.
  const audit = await admin.api
    .get(`${admin.url}/events?apiKeyId=${employeeKey.id}`)
    .set(admin.auth)
    .expect(200);
  // Bread with its opening stock (the movement first), then Milk's adjustment.
  expect(
    audit.body.data.map((e: { type: string; payload: { productId: string } }) => [
      e.type,
      e.payload.productId,
    ]),
  ).toEqual([
    ['inventory.stock_updated', made.id],
    ['product.created', made.id],
    ['inventory.stock_updated', mine.id],
  ]);
  expect(audit.body.data.map((e: { actor: unknown }) => e.actor)).toEqual([byKey, byKey, byKey]);
  // Rows that name a person name the key's creator.
  const { rows: moves } = await t.db.pool.query(
    'SELECT user_id FROM stock_movements WHERE product_id = $1',
    [made.id],
  );
  expect(moves).toEqual([{ user_id: admin.user.id }]);
});

test('a key is refused in another store, on the account and session routes, and on managing keys, members and the store, even with the admin role', async () => {
  const admin = await storeWithMember(t, 'admin');
  const other = await storeWithMember(t, 'admin');
  const key = await createKey(admin, { role: 'admin' });
  const auth = as(key.token);

  const elsewhere = await t.api.get(`${other.url}/products`).set(auth).expect(403);
  expect(elsewhere.body.error.message).toBe('This API key belongs to another store');

  for (const [method, path] of [
    ['get', '/api/v1/auth/me'],
    ['get', '/api/v1/stores'],
    ['get', '/api/v1/notifications'],
    ['get', `${admin.url}/api-keys`],
    ['post', `${admin.url}/api-keys`],
    ['delete', `${admin.url}/api-keys/${key.id}`],
    ['get', `${admin.url}/members`],
    ['post', `${admin.url}/members`],
    ['get', `${admin.url}/invitations`],
    ['delete', `${admin.url}`],
  ] as const) {
    const res = await t.api[method](path)
      .set(auth)
      .send(method === 'post' ? { name: 'x', role: 'admin', email: 'a@b.co' } : undefined);
    expect([path, res.status, res.body.error?.details?.[0]?.code]).toEqual([
      path,
      403,
      'api_key_not_allowed',
    ]);
  }
  await t.api
    .post('/api/v1/auth/change-password')
    .set(auth)
    .send({ currentPassword: 'a', newPassword: 'Another-Horse-9' })
    .expect(403);
  expect(await keysIn(t, admin.storeId)).toHaveLength(1);
  // An admin key may still change the store's own settings (its role allows it).
  await t.api.patch(admin.url).set(auth).send({ name: 'Renamed by key' }).expect(200);
  // A made-up or mangled token is 401, like a bad access token. (Its last character changed
  // to another: one key in 64 already ends in "A", and "mangling" it left it whole.)
  const mangled = `${key.token.slice(0, -1)}${key.token.endsWith('A') ? 'B' : 'A'}`;
  await t.api.get(`${admin.url}/products`).set(as(mangled)).expect(401);
  await t.api.get(`${admin.url}/products`).set(as('nmb_nonsense')).expect(401);
});

test('an expired key is refused at once; last use is recorded, at most about once a minute', async () => {
  const admin = await storeWithMember(t, 'admin');
  const soon = new Date(Date.now() + 3600_000).toISOString();
  const key = await createKey(admin, { expiresAt: soon });
  expect(key.expiresAt).toBe(soon);

  await t.api.get(`${admin.url}/products`).set(as(key.token)).expect(200);
  const used = async () => {
    for (let i = 0; i < 50; i++) {
      const [row] = await keysIn(t, admin.storeId);
      if (row.last_used_at) return row.last_used_at as Date;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('last_used_at never written');
  };
  const first = await used();
  await t.api.get(`${admin.url}/products`).set(as(key.token)).expect(200);
  await new Promise((r) => setTimeout(r, 200));
  expect(await used()).toEqual(first);
  const listed = await t.api.get(`${admin.url}/api-keys`).set(admin.auth).expect(200);
  expect(listed.body.data[0].lastUsedAt).toBe(first.toISOString());

  await t.db.pool.query(
    "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1",
    [key.id],
  );
  const res = await t.api.get(`${admin.url}/products`).set(as(key.token)).expect(401);
  expect(res.body.error.message).toBe('This API key has expired');
  const after = await t.api.get(`${admin.url}/api-keys`).set(admin.auth).expect(200);
  expect(after.body.data[0].status).toBe('expired');
});

test('bad input is a 400 that stores nothing; only admins manage keys; another store’s key is 404', async () => {
  const admin = await storeWithMember(t, 'admin');
  const manager = await memberOf(t, admin.storeId, 'manager');
  const other = await storeWithMember(t, 'admin');
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ name: 'x'.repeat(101), role: 'viewer' }, 'name'],
    [{ name: '   ', role: 'viewer' }, 'name'],
    [{ name: 'Till', role: 'owner' }, 'role'],
    [{ name: 'Till' }, 'role'],
    [{ name: 'Till', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    [{ name: 'Till', role: 'viewer', expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ name: 'Till', role: 'viewer', expiresAt: '2999-01-01T00:00:00Z' }, 'expiresAt'],
    [{ name: 'Till', role: 'viewer', secret: 'mine' }, 'secret'],
  ];
  for (const [body, field] of bad) {
    const res = await admin.api.post(`${admin.url}/api-keys`).set(admin.auth).send(body);
    expect([res.status, res.body.error.details[0].field]).toEqual([400, field]);
  }
  expect(await keysIn(t, admin.storeId)).toEqual([]);

  await manager.api.get(`${manager.url}/api-keys`).set(manager.auth).expect(403);
  await manager.api
    .post(`${manager.url}/api-keys`)
    .set(manager.auth)
    .send({ name: 'Mine', role: 'manager' })
    .expect(403);
  const key = await createKey(admin);
  await manager.api.delete(`${manager.url}/api-keys/${key.id}`).set(manager.auth).expect(403);
  await other.api.delete(`${other.url}/api-keys/${key.id}`).set(other.auth).expect(404);
  await other.api
    .patch(`${other.url}/api-keys/${key.id}`)
    .set(other.auth)
    .send({ name: 'Stolen' })
    .expect(404);
  await t.api.get(`${admin.url}/products`).set(as(key.token)).expect(200);
  await other.api
    .get(`${other.url}/api-keys`)
    .set(other.auth)
    .expect(200, /"data":\[\]/);
});

test('when its creator leaves the store, the keys they made are revoked', async () => {
  const owner = await storeWithMember(t, 'admin');
  const second = await memberOf(t, owner.storeId, 'admin');
  const theirs = await createKey(second, { name: 'Theirs' });
  const mine = await createKey(owner, { name: 'Mine' });
  await owner.api.delete(`${owner.url}/members/${second.user.id}`).set(owner.auth).expect(204);
  await t.api.get(`${owner.url}/products`).set(as(theirs.token)).expect(401);
  await t.api.get(`${owner.url}/products`).set(as(mine.token)).expect(200);
});

test('no token this file used, accepted, refused or revoked, is in the log (request lines, errors)', async () => {
  expect(tokens.length).toBeGreaterThanOrEqual(8);
  const logged = t.logs.join('\n');
  expect(logged).toContain('"status":401');
  for (const token of tokens) expect(logged).not.toContain(token.slice(21));
});

describe('rate limits', () => {
  const limited = useTestApp({ RATE_LIMIT_API_MAX: '3' });

  test('a key has its own request budget: past it, 429, while its creator carries on', async () => {
    const admin = await storeWithMember(limited, 'admin');
    const key = await createKey(admin);
    for (let i = 0; i < 3; i++) {
      await limited.api.get(`${admin.url}/products`).set(as(key.token)).expect(200);
    }
    const res = await limited.api.get(`${admin.url}/products`).set(as(key.token)).expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
    await limited.api.get(`${admin.url}/products`).set(admin.auth).expect(200);
  });
});
