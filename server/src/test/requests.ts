import type { Express } from 'express';
import request, { type Response, type Test } from 'supertest';
import type { StoreMember } from './factories';

/*
 * Store writes that tests send again and again, as one member of the store, with an
 * Idempotency-Key when one is given. Each returns the supertest request without an expected
 * status, so that the test itself says which status it expects.
 */

const withKey = (req: Test, idempotencyKey?: string) =>
  idempotencyKey === undefined ? req : req.set('Idempotency-Key', idempotencyKey);

const postAs = (s: StoreMember, path: string, body: object, idempotencyKey?: string) =>
  withKey(s.api.post(`${s.url}${path}`).set(s.auth), idempotencyKey).send(body);

type ProductWrite = (
  s: StoreMember,
  productId: string,
  body: object,
  idempotencyKey?: string,
) => Test;

export const postAdjustment: ProductWrite = (s, productId, body, idempotencyKey) =>
  postAs(s, `/products/${productId}/adjustments`, body, idempotencyKey);

export const postCount: ProductWrite = (s, productId, body, idempotencyKey) =>
  postAs(s, `/products/${productId}/counts`, body, idempotencyKey);

export const postSale = (s: StoreMember, body: object, idempotencyKey?: string) =>
  postAs(s, '/sales', body, idempotencyKey);

export const postVoid = (s: StoreMember, saleId: string, body: object, idempotencyKey?: string) =>
  postAs(s, `/sales/${saleId}/void`, body, idempotencyKey);

export const postRefund = (s: StoreMember, saleId: string, body: object, idempotencyKey?: string) =>
  postAs(s, `/sales/${saleId}/refunds`, body, idempotencyKey);

/** POST /products/import: the form fields, then the file. */
export function uploadProducts(
  s: StoreMember,
  file: Buffer,
  filename: string,
  options: { fields?: Record<string, string>; contentType?: string; idempotencyKey?: string } = {},
) {
  let req = withKey(s.api.post(`${s.url}/products/import`).set(s.auth), options.idempotencyKey);
  for (const [name, value] of Object.entries(options.fields ?? {})) req = req.field(name, value);
  const { contentType } = options;
  return req.attach('file', file, contentType ? { filename, contentType } : filename);
}

/** GET /products/export as it comes off the wire: CSV as `text`, XLSX as a Buffer in `body`. */
export function downloadExport(app: Express, s: StoreMember, format: 'csv' | 'xlsx') {
  const req = request(app)
    .get(`${s.url}/products/export?format=${format}`)
    .set(s.auth)
    .buffer(true);
  if (format === 'csv') return req;
  return req.parse(bytesOrJson);
}

/**
 * A supertest parser for a download: the body as a Buffer, or the JSON envelope when the
 * answer is one (an error). Use with `.buffer(true).parse(bytesOrJson)`.
 */
export function bytesOrJson(res: Response, done: (err: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    const body = Buffer.concat(chunks);
    done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(String(body)) : body);
  });
}

/** The store's dashboard as the member sees it (which must answer 200). */
export const dashboardOf = async (s: StoreMember) =>
  (await s.api.get(`${s.url}/analytics/dashboard`).set(s.auth).expect(200)).body.data;
