import { randomBytes } from 'node:crypto';
import bcrypt from 'bcrypt';
import type { Pool } from 'pg';
import { BCRYPT_COST } from '../modules/auth/password';
import type { Role } from '../modules/stores/permissions';

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
