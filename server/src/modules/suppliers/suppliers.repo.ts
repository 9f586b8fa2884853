import { ConflictError } from '../../core/errors';
import type { Db } from '../../db/pool';
import { isForeignKeyViolation } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import type { ListSuppliersQuery } from './suppliers.schemas';

export type SupplierRow = Row<
  'suppliers',
  | 'id'
  | 'name'
  | 'email'
  | 'phone'
  | 'address'
  | 'city'
  | 'state'
  | 'zip'
  | 'country'
  | 'website'
  | 'contact_person'
  | 'payment_terms'
  | 'tax_id_encrypted'
  | 'notes'
  | 'status'
  | 'lead_time_days'
  | 'created_at'
  | 'updated_at'
>;

/** API field → column, for the columns a caller may write. */
export const WRITABLE = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
  website: 'website',
  contactPerson: 'contact_person',
  paymentTerms: 'payment_terms',
  taxIdEncrypted: 'tax_id_encrypted',
  notes: 'notes',
  status: 'status',
  leadTimeDays: 'lead_time_days',
} as const;

export type SupplierColumns = Partial<Record<keyof typeof WRITABLE, unknown>>;

const SELECT = `SELECT s.id, s.name, s.email, s.phone, s.address, s.city, s.state, s.zip, s.country, s.website,
  s.contact_person, s.payment_terms, s.tax_id_encrypted, s.notes, s.status, s.lead_time_days,
  s.created_at, s.updated_at
  FROM suppliers s`;

const SORT = { name: 's.name', createdAt: 's.created_at', status: 's.status' } as const;

const FILTER = `s.store_id = $1
  AND ($2::text IS NULL OR s.name ILIKE '%' || $2 || '%' OR s.contact_person ILIKE '%' || $2 || '%')
  AND ($3::text IS NULL OR s.status = $3)`;

/**
 * A page of suppliers. `byLastOrder` (for `sort=lastOrderAt`): the ids with orders, already in
 * the asked order (purchasing's); the others follow by name.
 */
export async function list(
  db: Db,
  storeId: string,
  q: ListSuppliersQuery,
  byLastOrder: readonly string[] = [],
) {
  const args = [storeId, q.search ?? null, q.status ?? null];
  const orderBy =
    q.sort === 'lastOrderAt'
      ? 'array_position($6::uuid[], s.id) NULLS LAST, s.name'
      : `${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}`;
  const { rows } = await db.query<SupplierRow>(
    `${SELECT} WHERE ${FILTER}
     ORDER BY ${orderBy}, s.id LIMIT $4 OFFSET $5`,
    [...args, q.limit, (q.page - 1) * q.limit, ...(q.sort === 'lastOrderAt' ? [byLastOrder] : [])],
  );
  const { rows: c } = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM suppliers s WHERE ${FILTER}`,
    args,
  );
  return { rows, total: one(c).n };
}

export async function find(db: Db, storeId: string, id: string): Promise<SupplierRow | undefined> {
  const { rows } = await db.query<SupplierRow>(`${SELECT} WHERE s.store_id = $1 AND s.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0];
}

export async function exists(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM suppliers WHERE store_id = $1 AND id = $2', [
    storeId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

/** The supplier's status, or undefined when it is not in this store. */
export async function statusOf(db: Db, storeId: string, id: string): Promise<string | undefined> {
  const { rows } = await db.query<Row<'suppliers', 'status'>>(
    'SELECT status FROM suppliers WHERE store_id = $1 AND id = $2',
    [storeId, id],
  );
  return rows[0]?.status;
}

/** Each supplier's stated lead time in days (null when it has none). */
export async function leadTimesOf(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, number | null>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<Row<'suppliers', 'id' | 'lead_time_days'>>(
    'SELECT id, lead_time_days FROM suppliers WHERE store_id = $1 AND id = ANY($2::uuid[])',
    [storeId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.lead_time_days]));
}

export async function insert(db: Db, storeId: string, values: SupplierColumns): Promise<string> {
  const keys = Object.keys(values) as Array<keyof typeof WRITABLE>;
  const cols = keys.map((k) => WRITABLE[k]);
  const { rows } = await db.query<Row<'suppliers', 'id'>>(
    `INSERT INTO suppliers (store_id, ${cols.join(', ')})
     VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
    [storeId, ...keys.map((k) => values[k])],
  );
  return one(rows).id;
}

export async function update(
  db: Db,
  storeId: string,
  id: string,
  values: SupplierColumns,
): Promise<boolean> {
  const keys = Object.keys(values) as Array<keyof typeof WRITABLE>;
  const sets = keys.map((k, i) => `${WRITABLE[k]} = $${i + 3}`);
  const { rowCount } = await db.query(
    `UPDATE suppliers SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE store_id = $1 AND id = $2`,
    [storeId, id, ...keys.map((k) => values[k])],
  );
  return (rowCount ?? 0) > 0;
}

/** Deletes a supplier; one with purchase orders stays (the orders keep their supplier). */
export async function remove(db: Db, storeId: string, id: string): Promise<boolean> {
  try {
    const { rowCount } = await db.query('DELETE FROM suppliers WHERE store_id = $1 AND id = $2', [
      storeId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  } catch (err) {
    if (isForeignKeyViolation(err, 'purchase_orders_supplier_id_fkey')) {
      throw new ConflictError(
        'This supplier has purchase orders, so it cannot be deleted; deactivate it instead',
      );
    }
    throw err;
  }
}

/** Ids of the suppliers with this name, whatever the case (at most two: enough to tell). */
export async function idsForName(db: Db, storeId: string, name: string): Promise<string[]> {
  const { rows } = await db.query<Row<'suppliers', 'id'>>(
    'SELECT id FROM suppliers WHERE store_id = $1 AND lower(name) = lower($2) ORDER BY created_at LIMIT 2',
    [storeId, name],
  );
  return rows.map((r) => r.id);
}

export interface SupplierSummary {
  name: string;
  status: string;
  leadTimeDays: number | null;
}

/**
 * These suppliers of the store (others absent), with what other modules show and decide by,
 * by name then id (the order a caller sorting by supplier name keeps: core/ids.ts nameRank).
 */
export async function summariesOf(
  db: Db,
  storeId: string,
  ids: readonly string[] | 'all',
): Promise<Map<string, SupplierSummary>> {
  if (ids !== 'all' && !ids.length) return new Map();
  const { rows } = await db.query<Row<'suppliers', 'id' | 'name' | 'status' | 'lead_time_days'>>(
    `SELECT id, name, status, lead_time_days FROM suppliers
     WHERE store_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
     ORDER BY name, id`,
    [storeId, ids === 'all' ? null : ids],
  );
  return new Map(
    rows.map((r) => [r.id, { name: r.name, status: r.status, leadTimeDays: r.lead_time_days }]),
  );
}
