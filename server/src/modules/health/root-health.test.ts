import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { buildTestApp, type TestApp } from '../../test/app';

/** `/health` at the root: the JSON health of `/api/v1/health`, even with the web app served. */
let t: TestApp;
let dist: string;

beforeAll(async () => {
  // A web app build, so that a GET for HTML falls through to it as in production.
  dist = mkdtempSync(path.join(tmpdir(), 'nimbus-web-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Nimbus</title>');
  t = await buildTestApp({ WEB_DIST: dist });
});

afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

test('when a probe asks /health, even for HTML, then it gets the JSON health of /api/v1/health', async () => {
  const res = await t.api.get('/health').set('Accept', 'text/html').expect(200);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body.data).toEqual(
    expect.objectContaining({ status: 'healthy', checks: expect.any(Object) }),
  );
  const api = await t.api.get('/api/v1/health').expect(200);
  expect(Object.keys(res.body.data.checks).sort()).toEqual(
    Object.keys(api.body.data.checks).sort(),
  );
  // Any other page still gets the web app.
  const page = await request(t.app).get('/stores').set('Accept', 'text/html').expect(200);
  expect(page.text).toContain('<title>Nimbus</title>');
});

test('when the server is draining, then /health answers 503 like /api/v1/health', async () => {
  t.lifecycle.shuttingDown = true;
  try {
    const res = await t.api.get('/health').expect(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    await t.api.get('/api/v1/health').expect(503);
  } finally {
    t.lifecycle.shuttingDown = false;
  }
});
