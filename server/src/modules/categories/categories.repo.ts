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

type CategoryRow = Row<
  'categories',
  'id' | 'name' | 'description' | 'created_at' | 'updated_at'
> & {
  product_count: number;
};

const toCategory = (r: CategoryRow): Category => ({
  id: r.id,
  name: r.name,
  description: r.description,
  productCount: r.product_count,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const SELECT = `SELECT c.id, c.name, c.description, c.created_at, c.updated_at,
  (SELECT count(*) FROM products p WHERE p.store_id = c.store_id AND p.category_id = c.id) AS product_count
  FROM categories c`;

const SORT = { name: 'c.name', createdAt: 'c.created_at', productCount: 'product_count' } as const;

const conflict = (err: unknown) => {
  if (isUniqueViolation(err, 'categories_store_name_key')) {
    throw new ConflictError('A category with this name already exists', [
      { field: 'name', message: 'is already used by another category', code: 'duplicate' },
    ]);
  }
  throw err;
};

export async function list(db: Db, storeId: string, q: ListCategoriesQuery) {
  const { rows } = await db.query<CategoryRow>(
    `${SELECT}
     WHERE c.store_id = $1 AND ($2::text IS NULL OR c.name ILIKE '%' || $2 || '%')
     ORDER BY ${SORT[q.sort]} ${q.order === 'desc' ? 'DESC' : 'ASC'}, c.id
     LIMIT $3 OFFSET $4`,
    [storeId, q.search ?? null, q.limit, (q.page - 1) * q.limit],
  );
  const { rows: count } = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM categories c
     WHERE c.store_id = $1 AND ($2::text IS NULL OR c.name ILIKE '%' || $2 || '%')`,
    [storeId, q.search ?? null],
  );
  return { items: rows.map(toCategory), total: one(count).n };
}

export async function find(db: Db, storeId: string, id: string): Promise<Category | undefined> {
  const { rows } = await db.query<CategoryRow>(`${SELECT} WHERE c.store_id = $1 AND c.id = $2`, [
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
