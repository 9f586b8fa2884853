import request from 'supertest';
import { buildTestApp, type TestApp } from '../test/app';
import { createUser, DEFAULT_PASSWORD } from '../test/factories';

describe('with the default limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ RATE_LIMIT_AUTH_MAX: '20', RATE_LIMIT_LOGIN_FAILURES: '5' });
  });
  afterAll(() => t.close());

  test('when one IP and e-mail fail to sign in 5 times, then the 6th is 429 with Retry-After, even with the right password', async () => {
    const u = await createUser(t.db.pool);
    for (let i = 0; i < 5; i++) {
      const res = await t.api
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: `Wrong-pass-${i}` })
        .expect(401);
      expect(res.headers['ratelimit-limit']).toBe('5');
    }
    const blocked = await t.api
      .post('/api/v1/auth/login')
      .send({ email: u.email, password: DEFAULT_PASSWORD })
      .expect(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same IP is not locked by someone guessing this one.
    const other = await createUser(t.db.pool);
    await t.api
      .post('/api/v1/auth/login')
      .send({ email: other.email, password: DEFAULT_PASSWORD })
      .expect(200);
  });

  test('when an IP sends more than 20 auth requests in the window, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await request(t.app)
        .post('/api/v1/auth/forgot-password')
        .send({ email: `x${i}@example.test` });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(20);
    // A signed-in SPA refreshing all day from the same office IP is not counted here.
    const refresh = await request(t.app)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: 'nmr_unknown' });
    expect(refresh.status).toBe(401);
  });
});

test('when RATE_LIMIT_ENABLED=false, then no limit applies (benchmarks)', async () => {
  const t = await buildTestApp({ RATE_LIMIT_ENABLED: 'false', RATE_LIMIT_AUTH_MAX: '2' });
  try {
    for (let i = 0; i < 5; i++) {
      await request(t.app)
        .post('/api/v1/auth/forgot-password')
        .send({ email: 'a@example.test' })
        .expect(202);
    }
  } finally {
    await t.close();
  }
});

test('when a user exceeds the API limit, then 429 for that user only', async () => {
  const t = await buildTestApp({ RATE_LIMIT_API_MAX: '3' });
  try {
    const [a, b] = [await createUser(t.db.pool), await createUser(t.db.pool)];
    const get = (id: string) =>
      request(t.app)
        .get('/api/v1/stores')
        .set('Authorization', `Bearer ${t.tokenFor(id)}`);
    for (let i = 0; i < 3; i++) await get(a.id).expect(200);
    await get(a.id).expect(429);
    await get(b.id).expect(200);
  } finally {
    await t.close();
  }
});
