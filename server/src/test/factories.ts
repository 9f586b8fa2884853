import { randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import type { Pool } from 'pg';
import { BCRYPT_COST } from '../modules/auth/password';
import type { Role } from '../core/access';
import type { SpecApi } from './openapi';

export const DEFAULT_PASSWORD = 'Correct-Horse-9';

let defaultHash: Promise<string> | undefined;

export const uniqueEmail = (label = 'user') =>
  `${label}.${randomBytes(5).toString('hex')}@example.test`;

export function buildUser(
  overrides: Partial<{ email: string; name: string; password: string }> = {},
) {
  return { email: uniqueEmail(), name: 'Test User', password: DEFAULT_PASSWORD, ...overrides };
}

/** A user row with DEFAULT_PASSWORD, hashed once per test file (cost 12 is slow on purpose). */
export async function createUser(
  pool: Pool,
  overrides: Partial<{ email: string; name: string }> = {},
) {
  defaultHash ??= bcrypt.hash(DEFAULT_PASSWORD, BCRYPT_COST);
  const u = buildUser(overrides);
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [u.email, u.name, await defaultHash],
  );
  return { id: rows[0]!.id, email: u.email, name: u.name, password: DEFAULT_PASSWORD };
}

export async function createStore(pool: Pool, overrides: Partial<{ name: string }> = {}) {
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO stores (name) VALUES ($1) RETURNING id',
    [overrides.name ?? `Store ${randomBytes(3).toString('hex')}`],
  );
  return { id: rows[0]!.id };
}

export async function addMember(pool: Pool, storeId: string, userId: string, role: Role) {
  await pool.query('INSERT INTO memberships (store_id, user_id, role) VALUES ($1, $2, $3)', [
    storeId,
    userId,
    role,
  ]);
}

/** A store with a member of the given role, plus request helpers for that member. */
export async function storeWithMember(
  t: { db: { pool: Pool }; tokenFor(userId: string): string },
  role: Role = 'admin',
) {
  const user = await createUser(t.db.pool);
  const store = await createStore(t.db.pool);
  await addMember(t.db.pool, store.id, user.id, role);
  return {
    user,
    storeId: store.id,
    url: `/api/v1/stores/${store.id}`,
    auth: { Authorization: `Bearer ${t.tokenFor(user.id)}` },
  };
}

/** Another member of an existing store, with their own auth header. */
export async function memberOf(
  t: { db: { pool: Pool }; tokenFor(userId: string): string },
  storeId: string,
  role: Role,
) {
  const user = await createUser(t.db.pool);
  await addMember(t.db.pool, storeId, user.id, role);
  return { user, auth: { Authorization: `Bearer ${t.tokenFor(user.id)}` } };
}

let barcodeSeq = 100_000;
/** A fresh valid EAN-13 barcode. */
export function nextEan13(): string {
  const body = `200${String(barcodeSeq++).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

/** A product created through the API, so its initial stock is a ledger movement like any other. */
export async function productVia(
  t: { api: SpecApi },
  s: { url: string; auth: Record<string, string> },
  name: string,
  price: number,
  initialQuantity: number,
) {
  const res = await t.api
    .post(`${s.url}/products`)
    .set(s.auth)
    .send({ name, price, initialQuantity })
    .expect(201);
  return res.body.data;
}
