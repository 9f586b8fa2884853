import type { Db } from '../../db/pool';
import type { PoolClient } from 'pg';
import { SELECT, type SaleRow } from './sales.repo';

/**
 * Serialises the posts of one external reference in a store until the caller's transaction
 * ends: the second of two identical posts racing waits here, then finds the first one's sale
 * (a new statement sees its commit). Taken before any stock row is locked, by every post that
 * names a reference, so it adds no lock-order cycle. A hash collision with another key only
 * makes two unrelated posts wait on each other.
 */
export async function lockReference(tx: PoolClient, storeId: string, reference: string) {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('sale-ref:' || $1 || ':' || $2, 0))`,
    [storeId, reference],
  );
}

/** The store's sale with this external reference (the unique index finds it). */
export async function findByReference(
  db: Db,
  storeId: string,
  reference: string,
): Promise<SaleRow | undefined> {
  const { rows } = await db.query<SaleRow>(
    `${SELECT} WHERE s.store_id = $1 AND s.external_reference = $2`,
    [storeId, reference],
  );
  return rows[0];
}
