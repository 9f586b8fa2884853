import jwt from 'jsonwebtoken';
import { buildTestApp, TEST_JWT_SECRET, useTestApp } from '../../test/app';
import { buildUser, createUser, DEFAULT_PASSWORD } from '../../test/factories';
import { authRequests } from '../../test/auth-requests';

const t = useTestApp();

const {
  register,
  login,
  me,
  refresh,
  forgotPassword,
  resetPassword,
  changePassword,
  refreshCookie,
} = authRequests(t);

describe('register', () => {
  test('when a newcomer registers with a store name, then they get a session and admin of that store', async () => {
    const u = buildUser({ email: 'Owner.One@Example.TEST' });
    const res = await register({ ...u, storeName: 'Corner Shop' }).expect(201);
    expect(res.body.data.user).toEqual(
      expect.objectContaining({ email: 'owner.one@example.test', name: u.name }),
    );
    expect(res.body.data.expiresIn).toBe(900);
    const cookie = refreshCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

    const session = await me(res.body.data.accessToken).expect(200);
    expect(session.body.data.memberships).toEqual([
      expect.objectContaining({
        storeName: 'Corner Shop',
        role: 'admin',
        permissions: expect.arrayContaining(['settings:manage']),
      }),
    ]);
    const { rows } = await t.db.pool.query('SELECT password_hash FROM users WHERE email = $1', [
      'owner.one@example.test',
    ]);
    expect(rows[0].password_hash).toMatch(/^\$2b\$12\$/);
    expect(JSON.stringify(res.body)).not.toContain('$2b$');
  });

  test('when the e-mail is taken (in any case), then 409 and no second account', async () => {
    const u = await createUser(t.db.pool);
    const res = await register({ ...buildUser(), email: u.email.toUpperCase() }).expect(409);
    expect(res.body.error.code).toBe('CONFLICT');
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM users WHERE email = $1',
      [u.email],
    );
    expect(rows[0].n).toBe(1);
  });

  test.each([
    ['short password', { password: 'Ab1' }, 'password'],
    ['one character class', { password: 'alllowercaseletters' }, 'password'],
    ['common password', { password: 'Password123' }, 'password'],
    ['bad e-mail', { email: 'not-an-email' }, 'email'],
    ['missing name', { name: '' }, 'name'],
    ['wrong type', { name: 42 }, 'name'],
    ['huge name', { name: 'x'.repeat(10_000) }, 'name'],
  ])(
    'when the body has a %s, then 400 with the field named and nothing stored',
    async (_l, patch, field) => {
      const body = { ...buildUser(), ...patch };
      const res = await register(body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      const { rows } = await t.db.pool.query(
        'SELECT count(*)::int AS n FROM users WHERE email = $1',
        [String(body.email).toLowerCase()],
      );
      expect(rows[0].n).toBe(0);
    },
  );
});

describe('login and tokens', () => {
  test('when the password is right, then a session; when wrong or unknown, the same 401', async () => {
    const u = await createUser(t.db.pool);
    const okRes = await login(u.email).expect(200);
    expect(okRes.body.data.accessToken).toEqual(expect.any(String));
    const wrong = await login(u.email, 'Wrong-password-1').expect(401);
    const unknown = await login('nobody@example.test', 'Wrong-password-1').expect(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  test('when a token is tampered with, signed with alg none, expired or missing, then 401', async () => {
    const u = await createUser(t.db.pool);
    const good = t.tokenFor(u.id);
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...payload, sub: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const none = jwt.sign({ typ: 'access' }, '', {
      algorithm: 'none',
      subject: u.id,
      issuer: 'nimbus',
      audience: 'nimbus-api',
    });
    const expired = jwt.sign(
      { typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 },
      TEST_JWT_SECRET,
      {
        algorithm: 'HS256',
        subject: u.id,
        issuer: 'nimbus',
        audience: 'nimbus-api',
      },
    );
    const otherKey = jwt.sign({ typ: 'access' }, 'another-secret-that-is-also-long-enough-0123', {
      algorithm: 'HS256',
      subject: u.id,
      issuer: 'nimbus',
      audience: 'nimbus-api',
      expiresIn: 60,
    });
    for (const token of [`${h}.${forged}.${s}`, none, otherKey, 'garbage']) {
      const res = await me(token).expect(401);
      expect(res.body.error.message).toBe('Invalid access token');
    }
    const exp = await me(expired).expect(401);
    expect(exp.body.error.message).toBe('Access token expired');
    await t.api.get('/api/v1/auth/me').expect(401);
    await me(good).expect(200);
  });
});

describe('password reset and change', () => {
  const outboxFor = async (email: string) =>
    (
      await t.db.pool.query('SELECT body FROM mail_outbox WHERE to_address = $1 ORDER BY id', [
        email,
      ])
    ).rows.map((r) => r.body as string);
  const tokenIn = (body: string) => decodeURIComponent(/token=([^\s]+)/.exec(body)![1]!);

  const queuedResets = async () =>
    (
      await t.db.pool.query(
        "SELECT payload->>'email' AS email, status FROM jobs WHERE type = 'auth.password_reset' ORDER BY created_at",
      )
    ).rows as Array<{ email: string; status: string }>;

  test('when anyone asks for a reset, then 202 whether or not the account exists, and only real accounts get mail', async () => {
    const u = await createUser(t.db.pool);
    const a = await forgotPassword(u.email).expect(202);
    const b = await forgotPassword('ghost@example.test').expect(202);
    expect(a.body.data).toEqual(b.body.data);
    await t.services.jobs.drain();
    expect(await outboxFor(u.email)).toHaveLength(1);
    expect(await outboxFor('ghost@example.test')).toHaveLength(0);
    const { rows } = await t.db.pool.query(
      'SELECT token_hash FROM password_reset_tokens WHERE user_id = $1',
      [u.id],
    );
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await outboxFor(u.email))[0]).not.toContain(rows[0].token_hash);
  });

  test('when a reset is asked for a known and an unknown address, then the answer does the same work for both: one queued job, no lookup, no mail', async () => {
    const u = await createUser(t.db.pool);
    await t.db.pool.query("DELETE FROM jobs WHERE type = 'auth.password_reset'");
    await forgotPassword(u.email).expect(202);
    await forgotPassword('nobody@example.test').expect(202);
    // Answered before anything depends on the account: no token made, no mail stored yet.
    expect(await queuedResets()).toEqual([
      { email: u.email, status: 'queued' },
      { email: 'nobody@example.test', status: 'queued' },
    ]);
    const tokens = await t.db.pool.query('SELECT 1 FROM password_reset_tokens WHERE user_id = $1', [
      u.id,
    ]);
    expect(tokens.rowCount).toBe(0);
    expect(await outboxFor(u.email)).toHaveLength(0);
    await t.services.jobs.drain();
    expect((await queuedResets()).map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
    expect(await outboxFor(u.email)).toHaveLength(1);
    expect(await outboxFor('nobody@example.test')).toHaveLength(0);
  });

  test('when a reset is asked with a forged Host header, then the link still points at the configured origin', async () => {
    const u = await createUser(t.db.pool);
    await t.api
      .post('/api/v1/auth/forgot-password')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: u.email })
      .expect(202);
    await t.services.jobs.drain();
    const [mail] = await outboxFor(u.email);
    expect(mail).toContain('http://localhost:3000/reset-password?token=');
    expect(mail).not.toContain('evil.example');

    const configured = await buildTestApp({ PUBLIC_URL: 'https://shop.example.com/' });
    try {
      const v = await createUser(configured.db.pool);
      await configured.api
        .post('/api/v1/auth/forgot-password')
        .set('Host', 'evil.example')
        .send({ email: v.email })
        .expect(202);
      await configured.services.jobs.drain();
      const { rows } = await configured.db.pool.query(
        'SELECT body FROM mail_outbox WHERE to_address = $1',
        [v.email],
      );
      expect(rows[0].body).toContain('https://shop.example.com/reset-password?token=');
      expect(rows[0].body).not.toContain('evil.example');
    } finally {
      await configured.close();
    }
  });

  test('when the reset token is used, then the password changes, sessions end, and the token cannot be used again', async () => {
    const u = await createUser(t.db.pool);
    const { refreshToken, accessToken } = (await login(u.email).expect(200)).body.data;
    await me(accessToken).expect(200);
    await forgotPassword(u.email).expect(202);
    await t.services.jobs.drain();
    const token = tokenIn((await outboxFor(u.email))[0]!);
    await resetPassword(token, 'Brand-new-pass-7').expect(204);
    await login(u.email).expect(401);
    await login(u.email, 'Brand-new-pass-7').expect(200);
    await refresh(refreshToken).expect(401);
    // The access token of the old session ends too, without waiting for its expiry.
    const ended = await me(accessToken).expect(401);
    expect(ended.body.error.message).toMatch(/session has ended/);
    const again = await resetPassword(token, 'Another-pass-8').expect(400);
    expect(again.body.error.code).toBe('BAD_REQUEST');
    await login(u.email, 'Another-pass-8').expect(401);
  });

  test('when a reset token has expired, then it is refused', async () => {
    const u = await createUser(t.db.pool);
    await forgotPassword(u.email).expect(202);
    await t.services.jobs.drain();
    const token = tokenIn((await outboxFor(u.email))[0]!);
    await t.db.pool.query(
      "UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
      [u.id],
    );
    await resetPassword(token, 'Brand-new-pass-7').expect(400);
    await login(u.email).expect(200);
  });

  test('when a user changes their password, then the current one is checked and other sessions end', async () => {
    const u = await createUser(t.db.pool);
    const other = (await login(u.email).expect(200)).body.data;
    const bad = await changePassword(t.tokenFor(u.id), {
      currentPassword: 'Not-my-pass-1',
      newPassword: 'Fresh-pass-2026',
    }).expect(400);
    expect(bad.body.error.details[0].field).toBe('currentPassword');
    const res = await changePassword(t.tokenFor(u.id), {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'Fresh-pass-2026',
    }).expect(200);
    await refresh(other.refreshToken).expect(401);
    // Every access token issued before the change has ended; the new session's works.
    await me(other.accessToken).expect(401);
    await me(res.body.data.accessToken).expect(200);
    await refresh(res.body.data.refreshToken).expect(200);
    const again = (await login(u.email, 'Fresh-pass-2026').expect(200)).body.data;
    await me(again.accessToken).expect(200);
  });
});

test('no password, hash or token ever reaches the log', async () => {
  const u = buildUser();
  const reg = await register(u).expect(201);
  await login(u.email, u.password).expect(200);
  await login(u.email, 'Wrong-password-1').expect(401);
  const all = t.logs.join('\n');
  expect(t.logs.length).toBeGreaterThan(0);
  expect(all).not.toContain(u.password);
  expect(all).not.toContain('$2b$');
  expect(all).not.toContain(reg.body.data.refreshToken);
  expect(all).not.toContain(reg.body.data.accessToken);
});

// Replicas share session versions only through Redis; the in-process store serves one process.
(process.env.REDIS_URL ? test : test.skip)(
  'when the password changes on one replica, then the old access token is refused by the other',
  async () => {
    const replica = await buildTestApp({}, t);
    try {
      const u = await createUser(t.db.pool);
      const old = (await login(u.email).expect(200)).body.data;
      await me(old.accessToken, replica).expect(200);
      await changePassword(old.accessToken, {
        currentPassword: DEFAULT_PASSWORD,
        newPassword: 'Fresh-pass-2026',
      }).expect(200);
      await me(old.accessToken, replica).expect(401);
    } finally {
      await replica.close();
    }
  },
);
