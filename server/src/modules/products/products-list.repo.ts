import type { Db } from '../../db/pool';
import { SELECT, type ProductRow } from './products.repo';
import type { ListProductsQuery } from './products.schemas';

const SORT_COLUMNS = {
  name: 'p.name',
  sku: 'p.sku',
  price: 'p.price',
  cost: 'p.cost',
  quantity: 'p.quantity',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
  expiresAt: 'p.expires_at',
} as const;

/** Prefix tsquery from the user's words, built by PostgreSQL itself (no string surgery here). */
const PREFIX_QUERY = `(SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))
  FROM unnest(tsvector_to_array(to_tsvector('simple', $SEARCH))) AS w)`;

/**
 * The product list: filters, whitelisted sort, and either page/offset or keyset (`after`).
 * Every value is a parameter; only whitelisted column names are interpolated.
 */
export function buildProductListSql(
  storeId: string,
  q: ListProductsQuery,
  after?: { value: unknown; id: string },
) {
  const args: unknown[] = [storeId];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  const where = ['p.store_id = $1'];
  let rank: string | undefined;
  if (q.search) {
    const s = arg(q.search);
    const tsq = PREFIX_QUERY.replace('$SEARCH', s);
    // Each arm is one index (GIN full text, GIN trigram, the store's SKU and barcode
    // b-trees), so the planner can OR bitmaps instead of testing every product of the store.
    where.push(
      `(p.search @@ ${tsq} OR ${s} <% p.name OR (p.store_id = $1 AND lower(p.sku) = lower(${s})) OR (p.store_id = $1 AND p.barcode = ${s}))`,
    );
    rank = `ts_rank(p.search, ${tsq}) + word_similarity(${s}, p.name)`;
  }
  if (q.category) where.push(`p.category_id = ${arg(q.category)}`);
  if (q.supplier) where.push(`p.supplier_id = ${arg(q.supplier)}`);
  if (q.active !== undefined) where.push(`p.active = ${arg(q.active)}`);
  if (q.lowStock) where.push('p.quantity <= p.reorder_point');
  if (q.outOfStock) where.push('p.quantity = 0');
  if (q.status === 'in_stock') where.push('p.quantity > p.reorder_point');
  if (q.status === 'low_stock') where.push('p.quantity <= p.reorder_point AND p.quantity > 0');
  if (q.status === 'out_of_stock') where.push('p.quantity = 0');
  if (q.expiringWithinDays !== undefined) {
    where.push(
      `p.expires_at IS NOT NULL AND p.expires_at <= current_date + ${arg(q.expiringWithinDays)}::int`,
    );
  }
  if (q.minPrice !== undefined) where.push(`p.price >= ${arg(q.minPrice)}`);
  if (q.maxPrice !== undefined) where.push(`p.price <= ${arg(q.maxPrice)}`);
  const filterArgs = [...args];
  const filter = where.join(' AND ');

  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const sortColumn = SORT_COLUMNS[q.sort ?? 'name'];
  // Only nullable columns need NULLS LAST; elsewhere it would stop a backward index scan.
  const nulls = sortColumn === 'p.cost' || sortColumn === 'p.expires_at' ? ' NULLS LAST' : '';
  let order = `${sortColumn} ${dir}${nulls}, p.id ${dir}`;
  if (rank && !q.sort && !after) order = `${rank} DESC, p.id`;
  const pageWhere = [...where];
  if (after) {
    const cmp = dir === 'DESC' ? '<' : '>';
    pageWhere.push(`(${sortColumn}, p.id) ${cmp} (${arg(after.value)}, ${arg(after.id)})`);
  }
  const limit = arg(q.limit + 1);
  const offset = after ? '' : ` OFFSET ${arg((q.page - 1) * q.limit)}`;
  return {
    list: {
      text: `${SELECT} WHERE ${pageWhere.join(' AND ')} ORDER BY ${order} LIMIT ${limit}${offset}`,
      values: args,
    },
    count: { text: `SELECT count(*) AS n FROM products p WHERE ${filter}`, values: filterArgs },
  };
}

export async function listProducts(
  db: Db,
  storeId: string,
  q: ListProductsQuery,
  after?: { value: unknown; id: string },
) {
  const sql = buildProductListSql(storeId, q, after);
  const [{ rows }, total] = await Promise.all([
    db.query<ProductRow>(sql.list),
    after
      ? Promise.resolve(undefined)
      : db.query<{ n: number }>(sql.count).then((r) => r.rows[0]!.n),
  ]);
  return { rows, total };
}
