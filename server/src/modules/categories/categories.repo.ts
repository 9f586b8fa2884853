import type { Db } from '../../db/pool';
import { isUniqueViolation } from '../../db/pool';
import { ConflictError } from '../../core/errors';
import { one, type Row } from '../../db/rows';
import type { ListCategoriesQuery } from './categories.schemas';

export interface Category {
  id: string;
  name: string;
  description: string | null;
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

export type CategoryRow = Omit<Category, 'productCount'>;

type StoredRow = Row<'categories', 'id' | 'name' | 'description' | 'created_at' | 'updated_at'>;

const toCategory = (r: StoredRow): CategoryRow => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const SELECT = `SELECT c.id, c.name, c.description, c.created_at, c.updated_at FROM categories c`;

const SORT = { name: 'c.name', createdAt: 'c.created_at' } as const;

const FILTER = `c.store_id = $1 AND ($2::text IS NULL OR c.name ILIKE '%' || $2 || '%')`;

const conflict = (err: unknown) => {
  if (isUniqueViolation(err, 'categories_store_name_key')) {
    throw new ConflictError('A category with this name already exists', [
      { field: 'name', message: 'is already used by another category', code: 'duplicate' },
    ]);
  }
  throw err;
};

/** A page of the store's categories in a sort of their own columns (name, createdAt). */
export async function list(
  db: Db,
  storeId: string,
  q: Omit<ListCategoriesQuery, 'sort'> & { sort: keyof typeof SORT },
) {
  const { rows } = await db.query<StoredRow>(
    `${SELECT}
     WHERE ${FILTER}
     ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, c.id
     LIMIT $3 OFFSET $4`,
    [storeId, q.search ?? null, q.limit, (q.page - 1) * q.limit],
  );
  return { items: rows.map(toCategory), total: await count(db, storeId, q.search) };
}

async function count(db: Db, storeId: string, search: string | undefined) {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM categories c WHERE ${FILTER}`,
    [storeId, search ?? null],
  );
  return one(rows).n;
}

/** The ids of every category the search matches (for an order by product count). */
export async function matchingIds(db: Db, storeId: string, search: string | undefined) {
  const { rows } = await db.query<Row<'categories', 'id'>>(
    `SELECT c.id FROM categories c WHERE ${FILTER}`,
    [storeId, search ?? null],
  );
  return rows.map((r) => r.id);
}

/** These categories of the store, in no particular order. */
export async function findMany(db: Db, storeId: string, ids: readonly string[]) {
  const { rows } = await db.query<StoredRow>(
    `${SELECT} WHERE c.store_id = $1 AND c.id = ANY($2::uuid[])`,
    [storeId, ids],
  );
  return rows.map(toCategory);
}

export async function find(db: Db, storeId: string, id: string): Promise<CategoryRow | undefined> {
  const { rows } = await db.query<StoredRow>(`${SELECT} WHERE c.store_id = $1 AND c.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0] && toCategory(rows[0]);
}

export async function exists(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM categories WHERE store_id = $1 AND id = $2', [
    storeId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function insert(
  db: Db,
  storeId: string,
  c: { name: string; description?: string | null },
): Promise<string> {
  try {
    const { rows } = await db.query<Row<'categories', 'id'>>(
      'INSERT INTO categories (store_id, name, description) VALUES ($1, $2, $3) RETURNING id',
      [storeId, c.name, c.description ?? null],
    );
    return one(rows).id;
  } catch (err) {
    return conflict(err);
  }
}

export async function update(
  db: Db,
  storeId: string,
  id: string,
  c: { name?: string; description?: string | null },
): Promise<boolean> {
  try {
    const { rowCount } = await db.query(
      `UPDATE categories SET
         name = COALESCE($3, name),
         description = CASE WHEN $4 THEN $5 ELSE description END,
         updated_at = now()
       WHERE store_id = $1 AND id = $2`,
      [storeId, id, c.name ?? null, c.description !== undefined, c.description ?? null],
    );
    return (rowCount ?? 0) > 0;
  } catch (err) {
    return conflict(err);
  }
}

export async function remove(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM categories WHERE store_id = $1 AND id = $2', [
    storeId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

/** The id of the category with this name (any letter case), creating it if there is none. */
export async function idForName(db: Db, storeId: string, name: string): Promise<string> {
  const find = () =>
    db.query<Row<'categories', 'id'>>(
      'SELECT id FROM categories WHERE store_id = $1 AND name = $2',
      [storeId, name],
    );
  const found = (await find()).rows[0];
  if (found) return found.id;
  const made = await db.query<Row<'categories', 'id'>>(
    'INSERT INTO categories (store_id, name) VALUES ($1, $2) ON CONFLICT (store_id, name) DO NOTHING RETURNING id',
    [storeId, name],
  );
  // Nothing returned: another transaction created it meanwhile; a new statement sees it.
  return made.rows[0]?.id ?? one((await find()).rows).id;
}

/** These categories of the store (the others left out), id → name. */
export async function namesOf(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<Row<'categories', 'id' | 'name'>>(
    'SELECT id, name FROM categories WHERE store_id = $1 AND id = ANY($2::uuid[])',
    [storeId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
