import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type KeyRow = Row<
  'api_keys',
  | 'id'
  | 'store_id'
  | 'name'
  | 'role'
  | 'lookup'
  | 'created_by'
  | 'created_at'
  | 'last_used_at'
  | 'expires_at'
  | 'revoked_at'
>;

const COLUMNS =
  'id, store_id, name, role, lookup, created_by, created_at, last_used_at, expires_at, revoked_at';

/** At most this many keys a store keeps, revoked ones included (a list is one page). */
export const MAX_KEYS_PER_STORE = 200;

export async function insertKey(
  db: Db,
  k: {
    storeId: string;
    name: string;
    role: string;
    lookup: string;
    hash: Buffer;
    createdBy: string;
    expiresAt: Date | null;
  },
): Promise<KeyRow | undefined> {
  // The cap guards against a runaway script, not a race: two creations at the very same
  // moment may both pass it by one.
  const { rows } = await db.query<KeyRow>(
    `INSERT INTO api_keys (store_id, name, role, lookup, secret_hash, created_by, expires_at)
     SELECT $1, $2, $3, $4, $5, $6, $7
     WHERE (SELECT count(*) FROM api_keys WHERE store_id = $1) < $8
     RETURNING ${COLUMNS}`,
    [k.storeId, k.name, k.role, k.lookup, k.hash, k.createdBy, k.expiresAt, MAX_KEYS_PER_STORE],
  );
  return rows[0];
}

export async function listKeys(db: Db, storeId: string): Promise<KeyRow[]> {
  const { rows } = await db.query<KeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE store_id = $1 ORDER BY created_at DESC, id DESC`,
    [storeId],
  );
  return rows;
}

export async function findKey(db: Db, storeId: string, id: string): Promise<KeyRow | undefined> {
  const { rows } = await db.query<KeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
  return rows[0];
}

/** A key by its public lookup part, with its stored hash (to authenticate). */
export async function findByLookup(
  db: Db,
  lookup: string,
): Promise<(KeyRow & { secret_hash: Buffer }) | undefined> {
  const { rows } = await db.query<KeyRow & { secret_hash: Buffer }>(
    `SELECT ${COLUMNS}, secret_hash FROM api_keys WHERE lookup = $1`,
    [lookup],
  );
  return rows[0];
}

export async function renameKey(db: Db, storeId: string, id: string, name: string) {
  const { rows } = await db.query<KeyRow>(
    `UPDATE api_keys SET name = $3 WHERE store_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [storeId, id, name],
  );
  return rows[0];
}

/** Revokes a key (again: keeps the first time); undefined when the store has no such key. */
export async function revokeKey(db: Db, storeId: string, id: string) {
  const { rows } = await db.query<KeyRow>(
    `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
     WHERE store_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [storeId, id],
  );
  return rows[0];
}

/** Revokes the live keys a person created in a store (their membership ended). */
export async function revokeKeysOf(db: Db, storeId: string, userId: string): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE api_keys SET revoked_at = now()
     WHERE store_id = $1 AND created_by = $2 AND revoked_at IS NULL`,
    [storeId, userId],
  );
  return rowCount ?? 0;
}

/** Marks a key used, unless it was within the last minute (no write per request). */
export async function touchKey(db: Db, id: string): Promise<void> {
  await db.query(
    `UPDATE api_keys SET last_used_at = now()
     WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}
