import request from 'supertest';
import { buildTestApp, useTestApp } from '../test/app';
import { storeWithMember } from '../test/factories';
import { loadOpenApi } from './docs';

const t = useTestApp();

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

test('every route the server registers is in openapi.yaml, and every documented route exists', () => {
  const spec = loadOpenApi() as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => HTTP_METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  const served = t.routes().map((r) => `${r.method.toUpperCase()} ${r.path}`);
  expect(served.length).toBeGreaterThan(15);
  expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
});

interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
}

test('each route accepts exactly the query parameters openapi.yaml documents for it', () => {
  const spec = loadOpenApi() as {
    paths: Record<
      string,
      { parameters?: Parameter[] } & Record<string, { parameters?: Parameter[] }>
    >;
    components: { parameters: Record<string, Parameter> };
  };
  const resolve = (p: Parameter) =>
    p.$ref ? spec.components.parameters[p.$ref.split('/').pop()!]! : p;
  const mismatches: string[] = [];
  for (const route of t.routes()) {
    const item = spec.paths[route.path]!;
    const params = [...(item.parameters ?? []), ...(item[route.method]?.parameters ?? [])]
      .map(resolve)
      .filter((p) => p.in === 'query')
      .map((p) => p.name!);
    const documented = [...params].sort().join(',');
    const accepted = [...route.query].sort().join(',');
    if (documented !== accepted) {
      mismatches.push(
        `${route.method.toUpperCase()} ${route.path}: documented [${documented}], accepted [${accepted}]`,
      );
    }
  }
  expect(mismatches).toEqual([]);
});

interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  properties?: Record<string, unknown>;
}

test('each route accepts exactly the body fields openapi.yaml documents for it', () => {
  const spec = loadOpenApi() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: SchemaNode }> } }>
    >;
    components: { schemas: Record<string, SchemaNode> };
  };
  const fields = (node: SchemaNode): string[] => {
    if (node.$ref) return fields(spec.components.schemas[node.$ref.split('/').pop()!]!);
    return [...Object.keys(node.properties ?? {}), ...(node.allOf ?? []).flatMap(fields)];
  };
  const mismatches: string[] = [];
  let compared = 0;
  for (const route of t.routes()) {
    if (!route.body) continue;
    const content = spec.paths[route.path]![route.method]?.requestBody?.content ?? {};
    const schema = (content['application/json'] ?? content['multipart/form-data'])?.schema;
    const documented = schema ? [...new Set(fields(schema))].filter((f) => f !== 'file') : [];
    const a = [...documented].sort().join(',');
    const b = [...route.body].sort().join(',');
    compared++;
    if (a !== b) {
      mismatches.push(
        `${route.method.toUpperCase()} ${route.path}: documented [${a}], accepted [${b}]`,
      );
    }
  }
  expect(compared).toBeGreaterThan(15);
  expect(mismatches).toEqual([]);
});

test('an unknown query parameter is a 400 naming it, not silently ignored', async () => {
  const s = await storeWithMember(t, 'employee');
  const res = await t.api.get(`${s.url}/sales?from=2026-01-01`).set(s.auth).expect(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
  expect(res.body.error.details).toEqual([
    expect.objectContaining({ field: 'from', code: 'unrecognized_keys' }),
  ]);
  expect(res.body.error.details[0].message).toContain('dateFrom');
  await t.api.get(`${s.url}/sales?dateFrom=2026-01-01`).set(s.auth).expect(200);
});

test('health: liveness, readiness and details answer with the state of each dependency', async () => {
  await t.api.get('/api/v1/health/liveness').expect(200);
  await t.api.get('/api/v1/health/readiness').expect(200);
  const res = await t.api.get('/api/v1/health').expect(200);
  expect(res.body.data.checks.database.status).toBe('up');
  expect(res.body.data.checks.cache.kind).toBe(process.env.REDIS_URL ? 'redis' : 'memory');
});

test('when requests hold every connection of the pool, then readiness still answers 200 at once: it has connections of its own', async () => {
  const held = await Promise.all(Array.from({ length: 10 }, () => t.db.pool.connect()));
  try {
    expect(t.db.pool.totalCount).toBe(10);
    // Before its own pool it queued behind them and timed out: 503, as if the database were down.
    const res = await t.api.get('/api/v1/health/readiness').expect(200);
    expect(res.body.data.status).toBe('ready');
  } finally {
    held.forEach((c) => c.release());
  }
});

test('when a drain has started, then readiness answers 503 at once while liveness stays up', async () => {
  t.lifecycle.shuttingDown = true;
  try {
    const res = await t.api.get('/api/v1/health/readiness').expect(503);
    expect(res.body.error.message).toBe('Shutting down');
    await t.api.get('/api/v1/health/liveness').expect(200);
  } finally {
    t.lifecycle.shuttingDown = false;
  }
  await t.api.get('/api/v1/health/readiness').expect(200);
});

test('when no metrics token or port is configured, then /metrics is not served to anyone', async () => {
  const res = await request(t.app).get('/metrics').set('Accept', 'text/plain');
  expect(res.status).toBe(404);
  expect(res.text).not.toContain('process_cpu_seconds_total');
});

test('/metrics answers only with its bearer token, and labels by route template, never by id', async () => {
  const token = 'scrape-token-0123456789';
  const m = await buildTestApp({ METRICS_TOKEN: token });
  try {
    const storeId = '11111111-1111-4111-8111-111111111111';
    await request(m.app).get(`/api/v1/stores/${storeId}`).expect(401);
    await request(m.app).get('/api/v1/health/liveness').expect(200);
    const refused = await request(m.app).get('/metrics').expect(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    await request(m.app)
      .get('/metrics')
      .set('Authorization', 'Bearer wrong-token-0123456789')
      .expect(401);
    await request(m.app).get('/metrics').set('Authorization', `Bearer ${token}x`).expect(401);
    const res = await request(m.app)
      .get('/metrics')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/route="\/api\/v1\/health\/liveness"/);
    expect(res.text).not.toContain(storeId);
    expect(res.text).toContain('process_cpu_seconds_total');
  } finally {
    await m.close();
  }
});

test('/api-docs serves Swagger UI and the contract as JSON', async () => {
  const ui = await request(t.app).get('/api-docs/').expect(200);
  expect(ui.text).toContain('swagger-ui');
  const json = await request(t.app).get('/api-docs/openapi.json').expect(200);
  expect(Object.keys(json.body.paths)).toContain('/api/v1/auth/login');
});
