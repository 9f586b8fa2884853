import request from 'supertest';
import { useTestApp } from '../test/app';
import { createUser } from '../test/factories';

const t = useTestApp({ CORS_ORIGINS: 'https://shop.example.test' });

/** A body sent as it is, under the content type given, not as supertest would encode it. */
const postRaw = (path: string, contentType: string, body: string) =>
  t.api.post(path).set('Content-Type', contentType).send(body);

test('when a route does not exist, then 404 in the envelope with the request id', async () => {
  const res = await request(t.app)
    .get('/api/v1/nope')
    .set('X-Request-Id', 'trace-abc.123')
    .expect(404);
  expect(res.headers['x-request-id']).toBe('trace-abc.123');
  expect(res.body).toEqual({
    success: false,
    error: {
      code: 'NOT_FOUND',
      message: 'Route GET /api/v1/nope not found',
      statusCode: 404,
      requestId: 'trace-abc.123',
    },
  });
});

test('when the request id is not sane, then the server makes its own', async () => {
  const res = await request(t.app)
    .get('/api/v1/health/liveness')
    .set('X-Request-Id', 'bad id with spaces')
    .expect(200);
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.body.meta.requestId).toBe(res.headers['x-request-id']);
});

test('when JSON is malformed, then 400 BAD_REQUEST and no stack or parser text', async () => {
  const res = await postRaw('/api/v1/auth/login', 'application/json', '{"email": ').expect(400);
  expect(res.body.error.code).toBe('BAD_REQUEST');
  expect(JSON.stringify(res.body)).not.toMatch(/at |SyntaxError|position/);
});

test('when the body is over 1 MB, then 413 PAYLOAD_TOO_LARGE', async () => {
  const body = JSON.stringify({
    email: 'big@example.test',
    name: 'x'.repeat(1_100_000),
    password: 'Abcdefg-1',
  });
  const res = await postRaw('/api/v1/auth/register', 'application/json', body).expect(413);
  expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  const { rows } = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM users WHERE email = 'big@example.test'",
  );
  expect(rows[0].n).toBe(0);
});

test('when the body is not JSON, then 415', async () => {
  const res = await postRaw('/api/v1/auth/register', 'text/plain', 'email=a').expect(415);
  expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
});

test('when unknown body fields or NUL characters are sent, then 400 naming them, and nothing is created', async () => {
  const u = await createUser(t.db.pool);
  const auth = { Authorization: `Bearer ${t.tokenFor(u.id)}` };
  const res = await t.api
    .post('/api/v1/stores')
    .set(auth)
    .send({ name: 'Strip', id: '00000000-0000-4000-8000-000000000000', role: 'viewer' })
    .expect(400);
  expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
    'id',
    'role',
  ]);
  expect(res.body.error.details[0]).toEqual(
    expect.objectContaining({ code: 'unrecognized_keys', message: expect.stringMatching(/name/) }),
  );
  const nul = await t.api.post('/api/v1/stores').set(auth).send({ name: 'Bad\u0000Name' });
  expect(nul.status).toBe(400);
  expect(nul.body.error.details).toEqual([
    expect.objectContaining({ field: 'name', code: 'invalid_string' }),
  ]);
  const search = await t.api.get('/api/v1/stores?page=%00').set(auth).expect(400);
  expect(search.body.error.details[0].field).toBe('page');
  const twice = await t.api.get('/api/v1/stores?limit=1&limit=2').set(auth).expect(400);
  expect(twice.body.error.details).toEqual([
    expect.objectContaining({ field: 'limit', message: 'must be given once' }),
  ]);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM memberships WHERE user_id = $1',
    [u.id],
  );
  expect(rows[0].n).toBe(0);
});

test('security headers are set and the allow-listed origin alone gets CORS', async () => {
  const allowed = await request(t.app)
    .get('/api/v1/health/liveness')
    .set('Origin', 'https://shop.example.test')
    .expect(200);
  expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.test');
  expect(allowed.headers['access-control-allow-credentials']).toBe('true');
  expect(allowed.headers['x-content-type-options']).toBe('nosniff');
  expect(allowed.headers['x-powered-by']).toBeUndefined();
  // WebAssembly may compile (the camera barcode reader); JavaScript eval stays forbidden.
  expect(allowed.headers['content-security-policy']).toMatch(
    /script-src 'self' 'wasm-unsafe-eval'(;|$)/,
  );
  expect(allowed.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  const other = await request(t.app)
    .get('/api/v1/health/liveness')
    .set('Origin', 'https://evil.example.test')
    .expect(200);
  expect(other.headers['access-control-allow-origin']).toBeUndefined();
});

test('responses over 1 KB are compressed', async () => {
  const res = await request(t.app)
    .get('/api-docs/openapi.json')
    .set('Accept-Encoding', 'gzip')
    .expect(200);
  expect(res.headers['content-encoding']).toBe('gzip');
  expect(res.body.openapi).toBe('3.1.0');
});

test('when a handler fails unexpectedly, then a generic 500 envelope and the details only in the log', async () => {
  const { pool } = t.db;
  const original = pool.query.bind(pool);
  pool.query = (() => Promise.reject(new Error('relation "secret_table" is broken'))) as never;
  try {
    const u = '00000000-0000-4000-8000-000000000001';
    const res = await request(t.app)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${t.tokenFor(u)}`)
      .expect(500);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side',
      }),
    );
    expect(JSON.stringify(res.body)).not.toContain('secret_table');
    expect(t.logs.some((l) => l.includes('secret_table'))).toBe(true);
  } finally {
    pool.query = original;
  }
});
