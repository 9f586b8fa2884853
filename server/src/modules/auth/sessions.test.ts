import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { buildTestApp, TEST_JWT_SECRET, useTestApp } from '../../test/app';
import { authRequests } from '../../test/auth-requests';
import { createUser, DEFAULT_PASSWORD } from '../../test/factories';

/** Sessions: rotation, the reuse grace window, theft detection and sign-out. */
const t = useTestApp();

const { login, me, refresh, logout, rotatedLongAgo, refreshCookie } = authRequests(t);

/** An access token as the server signs one, with claims the server would never write. */
const signAccess = ({ sub, sid }: { sub: string; sid: string }) =>
  jwt.sign({ typ: 'access', sid }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
    subject: sub,
    expiresIn: 900,
    issuer: 'nimbus',
    audience: 'nimbus-api',
  });

describe('sessions end with their refresh tokens', () => {
  test('when a user signs out, then the access token of that session stops working at once, and other sessions keep theirs', async () => {
    const u = await createUser(t.db.pool);
    const phone = (await login(u.email).expect(200)).body.data;
    const laptop = (await login(u.email).expect(200)).body.data;
    await me(phone.accessToken).expect(200);
    await logout(phone.refreshToken).expect(204);
    const ended = await me(phone.accessToken).expect(401);
    expect(ended.body.error.message).toMatch(/session has ended/);
    await me(laptop.accessToken).expect(200);
  });

  test('when a stolen refresh token is replayed after the grace window, then the access tokens of its family end too', async () => {
    const u = await createUser(t.db.pool);
    const first = (await login(u.email).expect(200)).body.data;
    const second = (await refresh(first.refreshToken).expect(200)).body.data;
    await me(second.accessToken).expect(200);
    await rotatedLongAgo(first.refreshToken);
    await refresh(first.refreshToken).expect(401);
    await me(second.accessToken).expect(401);
    await me(first.accessToken).expect(401);
  });

  test('when a correctly signed token names a user that no longer exists, then 401, never a 500', async () => {
    const u = await createUser(t.db.pool);
    const token = t.tokenFor(u.id);
    await t.db.pool.query('DELETE FROM users WHERE id = $1', [u.id]);
    const gone = await t.api
      .post('/api/v1/stores')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Ghost Store' })
      .expect(401);
    expect(gone.body.error).toEqual(
      expect.objectContaining({ code: 'UNAUTHORIZED', message: 'This account no longer exists' }),
    );
    expect(
      (await t.db.pool.query("SELECT 1 FROM stores WHERE name = 'Ghost Store'")).rowCount,
    ).toBe(0);
    const never = t.tokenFor('00000000-0000-4000-8000-000000000000');
    await t.api.get('/api/v1/stores').set('Authorization', `Bearer ${never}`).expect(401);
  });
});

describe('a deleted account and malformed tokens', () => {
  test('when a signed-in user is deleted, then every route answers 401 at once (not 200, 403 or 500) and nothing is written', async () => {
    const u = await createUser(t.db.pool);
    const { accessToken, refreshToken } = (await login(u.email).expect(200)).body.data;
    const auth = { Authorization: `Bearer ${accessToken}` };
    const store = (await t.api.post('/api/v1/stores').set(auth).send({ name: 'Mine' }).expect(201))
      .body.data;
    // Warm every cache a request goes through: the session is remembered as active.
    await t.api.get('/api/v1/stores').set(auth).expect(200);
    await t.api.get(`/api/v1/stores/${store.id}`).set(auth).expect(200);
    await t.db.pool.query('DELETE FROM users WHERE id = $1', [u.id]);

    const gone = expect.objectContaining({
      code: 'UNAUTHORIZED',
      message: 'This account no longer exists',
    });
    for (const res of [
      await me(accessToken).expect(401),
      await t.api.get('/api/v1/stores').set(auth).expect(401),
      await t.api.post('/api/v1/stores').set(auth).send({ name: 'Ghost Store' }).expect(401),
      await t.api.get(`/api/v1/stores/${store.id}`).set(auth).expect(401),
      await t.api
        .post(`/api/v1/stores/${store.id}/categories`)
        .set(auth)
        .send({ name: 'X' })
        .expect(401),
      await t.api
        .post('/api/v1/auth/change-password')
        .set(auth)
        .send({ currentPassword: DEFAULT_PASSWORD, newPassword: 'Another-Horse-7' })
        .expect(401),
    ])
      expect(res.body.error).toEqual(gone);
    await refresh(refreshToken).expect(401);
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM stores WHERE name = 'Ghost Store'",
    );
    expect(rows[0].n).toBe(0);
  });

  test.each([
    ['sub', { sub: 'not-a-uuid' }],
    ['sid', { sid: 'not-a-uuid' }],
    ['sub', { sub: '1; DROP TABLE users' }],
    ['sid', { sid: '' }],
  ])(
    'when a correctly signed token has a %s that is not an id (%j), then 401 on every route, never a 500',
    async (_claim, claims) => {
      const u = await createUser(t.db.pool);
      const token = signAccess({ sub: u.id, sid: randomUUID(), ...claims });
      for (const path of ['/api/v1/auth/me', '/api/v1/stores', `/api/v1/stores/${randomUUID()}`]) {
        const res = await t.api.get(path).set('Authorization', `Bearer ${token}`).expect(401);
        expect(res.body.error).toEqual(
          expect.objectContaining({ code: 'UNAUTHORIZED', message: 'Invalid access token' }),
        );
      }
    },
  );
});

describe('refresh rotation', () => {
  test('when a refresh token is used, then it rotates; when it is replayed after the grace window, then the whole family is revoked', async () => {
    const u = await createUser(t.db.pool);
    const first = (await login(u.email).expect(200)).body.data;
    const second = (await refresh(first.refreshToken).expect(200)).body.data;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await rotatedLongAgo(first.refreshToken);

    const replay = await refresh(first.refreshToken).expect(401);
    expect(replay.body.error.message).toMatch(/already used/);
    // The thief's replay also kills the legitimate descendant.
    await refresh(second.refreshToken).expect(401);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS live FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [u.id],
    );
    expect(rows[0].live).toBe(0);
  });

  test('when the refresh token comes in the cookie, then it works like the body', async () => {
    const u = await createUser(t.db.pool);
    const res = await login(u.email).expect(200);
    const cookie = refreshCookie(res)!.split(';')[0]!;
    const next = await t.api.post('/api/v1/auth/refresh').set('Cookie', cookie).expect(200);
    expect(refreshCookie(next)).toBeDefined();
    await t.api.post('/api/v1/auth/refresh').expect(401);
  });

  test('when two tabs refresh with one token at the same moment, then both get the same successor and the session lives on', async () => {
    const u = await createUser(t.db.pool);
    const { refreshToken } = (await login(u.email).expect(200)).body.data;
    const results = await Promise.all([1, 2, 3].map(() => refresh(refreshToken)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const successors = new Set(results.map((r) => r.body.data.refreshToken));
    expect(successors.size).toBe(1);
    const [successor] = [...successors] as string[];
    expect(successor).not.toBe(refreshToken);
    for (const r of results) await me(r.body.data.accessToken).expect(200);
    // The successor rotates normally; the family was never revoked.
    const next = (await refresh(successor!).expect(200)).body.data;
    await me(next.accessToken).expect(200);
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS revoked FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NOT NULL',
      [u.id],
    );
    expect(rows[0].revoked).toBe(0);
  });

  test('when a just-rotated token comes again within the window, then it gets the successor; after the window, the family is revoked', async () => {
    const u = await createUser(t.db.pool);
    const first = (await login(u.email).expect(200)).body.data;
    const second = (await refresh(first.refreshToken).expect(200)).body.data;
    const again = (await refresh(first.refreshToken).expect(200)).body.data;
    expect(again.refreshToken).toBe(second.refreshToken);
    expect(again.user.id).toBe(u.id);
    await rotatedLongAgo(first.refreshToken);
    const late = await refresh(first.refreshToken).expect(401);
    expect(late.body.error.message).toMatch(/already used/);
    await refresh(second.refreshToken).expect(401);
    await me(again.accessToken).expect(401);
  });

  test('when the successor has been signed out, then the parent within the window does not bring the session back', async () => {
    const u = await createUser(t.db.pool);
    const first = (await login(u.email).expect(200)).body.data;
    const second = (await refresh(first.refreshToken).expect(200)).body.data;
    await logout(second.refreshToken).expect(204);
    await refresh(first.refreshToken).expect(401);
  });

  test('when the grace window is off, then concurrent refreshes with one token: exactly one wins and the family is revoked', async () => {
    const strict = await buildTestApp({ REFRESH_REUSE_GRACE_SECONDS: '0' });
    try {
      const u = await createUser(strict.db.pool);
      const { refreshToken } = (
        await strict.api
          .post('/api/v1/auth/login')
          .send({ email: u.email, password: DEFAULT_PASSWORD })
          .expect(200)
      ).body.data;
      const results = await Promise.all(
        [1, 2, 3].map(() => strict.api.post('/api/v1/auth/refresh').send({ refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
      const winner = results.find((r) => r.status === 200)!.body.data;
      await strict.api
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: winner.refreshToken })
        .expect(401);
    } finally {
      await strict.close();
    }
  });

  test('when a user logs out, then that refresh token no longer works and the cookie is cleared', async () => {
    const u = await createUser(t.db.pool);
    const { refreshToken } = (await login(u.email).expect(200)).body.data;
    const out = await logout(refreshToken).expect(204);
    expect(refreshCookie(out)).toMatch(/Expires=Thu, 01 Jan 1970/);
    await refresh(refreshToken).expect(401);
  });
});
