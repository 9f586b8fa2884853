import { randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import type { Pool } from 'pg';
import { BCRYPT_COST } from '../modules/auth/password';
import type { Role } from '../core/access';
import { one, type Row } from '../db/rows';
import type { TestApp } from './app';
import type { SpecApi } from './openapi';

export const DEFAULT_PASSWORD = 'Correct-Horse-9';

let defaultHash: Promise<string> | undefined;

export const uniqueEmail = (label = 'user') =>
  `${label}.${randomBytes(5).toString('hex')}@example.test`;

const uniqueName = (label: string) => `${label} ${randomBytes(3).toString('hex')}`;

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
  const { rows } = await pool.query<Row<'users', 'id'>>(
    'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [u.email, u.name, await defaultHash],
  );
  return { id: one(rows).id, email: u.email, name: u.name, password: DEFAULT_PASSWORD };
}

export async function createStore(pool: Pool, overrides: Partial<{ name: string }> = {}) {
  const { rows } = await pool.query<Row<'stores', 'id'>>(
    'INSERT INTO stores (name) VALUES ($1) RETURNING id',
    [overrides.name ?? uniqueName('Store')],
  );
  return { id: one(rows).id };
}

export async function addMember(pool: Pool, storeId: string, userId: string, role: Role) {
  await pool.query('INSERT INTO memberships (store_id, user_id, role) VALUES ($1, $2, $3)', [
    storeId,
    userId,
    role,
  ]);
}

/** One member's way into one store: its URL, their auth header and the API to call it with. */
export interface StoreMember {
  user: Awaited<ReturnType<typeof createUser>>;
  storeId: string;
  url: string;
  auth: Record<string, string>;
  api: SpecApi;
  /** The test database, for history the API cannot make (a product that existed last week). */
  pool: Pool;
}

type MemberApp = Pick<TestApp, 'api' | 'db' | 'tokenFor'>;

/** A new member of an existing store. */
export async function memberOf(t: MemberApp, storeId: string, role: Role): Promise<StoreMember> {
  const user = await createUser(t.db.pool);
  await addMember(t.db.pool, storeId, user.id, role);
  return {
    user,
    storeId,
    url: `/api/v1/stores/${storeId}`,
    auth: { Authorization: `Bearer ${t.tokenFor(user.id)}` },
    api: t.api,
    pool: t.db.pool,
  };
}

/** A new store with one member of the given role. */
export async function storeWithMember(t: MemberApp, role: Role = 'admin') {
  const store = await createStore(t.db.pool);
  return memberOf(t, store.id, role);
}

let barcodeSeq = 100_000;
/** A fresh valid EAN-13 barcode. */
export function nextEan13(): string {
  const body = `200${String(barcodeSeq++).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

type Fields = Record<string, unknown>;

export function buildProduct(overrides: Fields = {}) {
  return { name: 'Widget', price: 5, ...overrides };
}

/** Creates through the API as the member (which must answer 201) and returns the new row. */
async function createVia(s: StoreMember, collection: string, body: Fields) {
  const res = await s.api.post(`${s.url}/${collection}`).set(s.auth).send(body).expect(201);
  return res.body.data;
}

/** A product created through the API, so its initial stock is a ledger movement like any other. */
export const createProduct = (s: StoreMember, overrides: Fields = {}) =>
  createVia(s, 'products', buildProduct(overrides));

export const createCategory = (s: StoreMember, overrides: Fields = {}) =>
  createVia(s, 'categories', { name: uniqueName('Category'), ...overrides });

export const createSupplier = (s: StoreMember, overrides: Fields = {}) =>
  createVia(s, 'suppliers', { name: uniqueName('Supplier'), ...overrides });

type WithPool = { db: { pool: Pool } };

/** The stock a product's row holds now. */
export const quantityOf = async (t: WithPool, productId: string) =>
  (await t.db.pool.query('SELECT quantity FROM products WHERE id = $1', [productId])).rows[0]
    .quantity as number;

/** How many rows of a store-scoped table belong to the store. */
export const countRows = async (t: WithPool, table: string, storeId: string) =>
  (await t.db.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE store_id = $1`, [storeId]))
    .rows[0].n as number;

/** The types of the events a store has written to the outbox, oldest first. */
export const outboxTypes = async (t: WithPool, storeId: string) =>
  (
    await t.db.pool.query<{ type: string }>(
      'SELECT type FROM outbox_events WHERE store_id = $1 ORDER BY position',
      [storeId],
    )
  ).rows.map((r) => r.type);

/** Each product's quantity beside the sum of its movements and the lowest point it reached. */
export const ledgerOf = async (t: WithPool, storeId: string) =>
  (
    await t.db.pool.query<{ id: string; quantity: number; ledger: number; lowest: number }>(
      `SELECT p.id, p.quantity, sum(m.delta)::int AS ledger, min(m.quantity_after) AS lowest
       FROM products p JOIN stock_movements m ON m.product_id = p.id WHERE p.store_id = $1 GROUP BY p.id`,
      [storeId],
    )
  ).rows;

/**
 * Makes sure a product was in the catalogue by `at`, for a test that sells it back then: a sale
 * cannot be dated before its product existed. Its movements keep their dates.
 */
export async function existedBy(s: StoreMember, productId: string, at: Date | string) {
  await s.pool.query('UPDATE products SET created_at = LEAST(created_at, $2) WHERE id = $1', [
    productId,
    at,
  ]);
}

/**
 * Makes a product older than it is: created at `at`, and its movements so far (its initial
 * stock) dated then too. A sale may not be dated before its product existed, so a test of a
 * sale kept offline for hours needs a product that was there before it.
 */
export async function backdateProduct(t: WithPool, productId: string, at: Date) {
  await t.db.pool.query('UPDATE products SET created_at = $2 WHERE id = $1', [productId, at]);
  await t.db.pool.query('UPDATE stock_movements SET created_at = $2 WHERE product_id = $1', [
    productId,
    at,
  ]);
}

/**
 * A PUT body for a product as GET answers it: every field (PUT replaces the whole product), the
 * category and supplier by id; without `cost` when `withCost` is false (a role that cannot see it).
 */
export function wholeProductBody(p: Record<string, unknown>, withCost = true) {
  const ref = (r: unknown) => (r as { id: string } | null)?.id ?? null;
  return {
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    description: p.description,
    categoryId: ref(p.category),
    supplierId: ref(p.supplier),
    brand: p.brand,
    department: p.department,
    unit: p.unit,
    packSize: p.packSize,
    price: p.price,
    ...(withCost ? { cost: p.cost } : {}),
    reorderPoint: p.reorderPoint,
    reorderQuantity: p.reorderQuantity,
    location: p.location,
    expiresAt: p.expiresAt,
    active: p.active,
  };
}
