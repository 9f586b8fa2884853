import type { Db } from '../../db/pool';
import type { Role } from '../../core/access';
import { one, type Row } from '../../db/rows';

export interface Store {
  id: string;
  name: string;
  currency: string;
  timezone: string;
  createdAt: string;
  updatedAt: string;
}

type StoreRow = Row<
  'stores',
  'id' | 'name' | 'currency' | 'timezone' | 'created_at' | 'updated_at'
>;

const COLUMNS = 's.id, s.name, s.currency, s.timezone, s.created_at, s.updated_at';

const toStore = (r: StoreRow): Store => ({
  id: r.id,
  name: r.name,
  currency: r.currency,
  timezone: r.timezone,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function insertStore(
  db: Db,
  s: { name: string; currency: string; timezone: string },
): Promise<Store> {
  const { rows } = await db.query<StoreRow>(
    `INSERT INTO stores AS s (name, currency, timezone) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [s.name, s.currency, s.timezone],
  );
  return toStore(one(rows));
}

export async function findStore(db: Db, storeId: string): Promise<Store | undefined> {
  const { rows } = await db.query<StoreRow>(`SELECT ${COLUMNS} FROM stores s WHERE s.id = $1`, [
    storeId,
  ]);
  return rows[0] && toStore(rows[0]);
}

export async function listStoresOfUser(
  db: Db,
  userId: string,
  page: { limit: number; offset: number },
): Promise<{ items: Array<Store & { role: Role }>; total: number }> {
  const { rows } = await db.query<StoreRow & { role: Role; total: number }>(
    `SELECT ${COLUMNS}, m.role, count(*) OVER () AS total
     FROM memberships m JOIN stores s ON s.id = m.store_id
     WHERE m.user_id = $1
     ORDER BY s.name, s.id
     LIMIT $2 OFFSET $3`,
    [userId, page.limit, page.offset],
  );
  if (!rows.length && page.offset > 0) {
    const { rows: c } = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM memberships WHERE user_id = $1',
      [userId],
    );
    return { items: [], total: one(c).n };
  }
  return { items: rows.map((r) => ({ ...toStore(r), role: r.role })), total: rows[0]?.total ?? 0 };
}

export async function updateStore(
  db: Db,
  storeId: string,
  patch: { name?: string; currency?: string; timezone?: string },
): Promise<Store | undefined> {
  const { rows } = await db.query<StoreRow>(
    `UPDATE stores s SET
       name = COALESCE($2, s.name),
       currency = COALESCE($3, s.currency),
       timezone = COALESCE($4, s.timezone),
       updated_at = now()
     WHERE s.id = $1 RETURNING ${COLUMNS}`,
    [storeId, patch.name ?? null, patch.currency ?? null, patch.timezone ?? null],
  );
  return rows[0] && toStore(rows[0]);
}

export async function deleteStore(db: Db, storeId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM stores WHERE id = $1', [storeId]);
  return (rowCount ?? 0) > 0;
}

/** Every store's id, time zone and creation, for the scheduler's tick. */
export async function scheduledStores(
  db: Db,
): Promise<{ id: string; timezone: string; createdAt: Date }[]> {
  const { rows } = await db.query<Row<'stores', 'id' | 'timezone' | 'created_at'>>(
    'SELECT id, timezone, created_at FROM stores',
  );
  return rows.map((r) => ({ id: r.id, timezone: r.timezone, createdAt: r.created_at }));
}
