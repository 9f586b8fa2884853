import type { Db } from '../../db/pool';
import { one } from '../../db/rows';
import { SELECT, type CatalogueRow } from './products.repo';
import type { ListProductsQuery } from './products.schemas';
import { correctedTsquery, prefixTsquery } from './product-search.repo';

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

/**
 * A list counts at most this many matches (`pagination.totalCapped` says when it stopped), so
 * what its total costs is bounded whatever the catalogue holds: past it the count is "1,000 or
 * more", and whether a next page exists is the page's extra row's to say.
 */
export const TOTAL_CAP = 1000;

/**
 * A searched list ranks by relevance only the first this many matches: what a search costs is
 * bounded too. A field sort (`sort=name`) still orders every match.
 */
export const SEARCH_CAP = 1000;

/**
 * How `search` matches: every word of the text begins a word of the product (name, SKU,
 * barcode, brand, description: the `search` vector), or the text is its exact SKU or barcode.
 * When that finds nothing, the same with misspelt words corrected (correctedTsquery).
 */
export interface SearchTerms {
  text: string;
  /** The prefix tsquery, as text: a constant for the planner. */
  tsquery: string | null;
}

/**
 * The list as the SQL takes it: `suppliedBy` is a supplier's product list, its own products
 * and those it was ordered or invoiced for (`productIds`, purchasing's `supplier_items`).
 */
export type ProductListSql = ListProductsQuery & {
  suppliedBy?: { supplierId: string; productIds: readonly string[] };
};

/**
 * The product list: filters, whitelisted sort, and either page/offset or keyset (`after`).
 * Every value is a parameter; only whitelisted column names are interpolated.
 */
export function buildProductListSql(
  storeId: string,
  q: ProductListSql,
  after?: { value: unknown; id: string },
  terms?: SearchTerms,
) {
  const args: unknown[] = [storeId];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  const where = ['p.store_id = $1'];
  let rank: string | undefined;
  if (terms) {
    const s = arg(terms.text);
    // Each arm is one index (GIN full text, the store's SKU and barcode b-trees), so the
    // planner can OR bitmaps instead of testing every product of the store.
    const tsq = terms.tsquery ? `${arg(terms.tsquery)}::tsquery` : 'NULL::tsquery';
    where.push(
      `(p.search @@ ${tsq} OR (p.store_id = $1 AND lower(p.sku) = lower(${s})) OR (p.store_id = $1 AND p.barcode = ${s}))`,
    );
    rank = `ts_rank(p.search, ${tsq}) + CASE WHEN lower(p.sku) = lower(${s}) OR p.barcode = ${s} THEN 1 ELSE 0 END`;
  }
  if (q.category) where.push(`p.category_id = ${arg(q.category)}`);
  if (q.supplier) where.push(`p.supplier_id = ${arg(q.supplier)}`);
  if (q.suppliedBy) {
    const { supplierId, productIds } = q.suppliedBy;
    where.push(`(p.supplier_id = ${arg(supplierId)} OR p.id = ANY(${arg(productIds)}::uuid[]))`);
  }
  if (q.active !== undefined) where.push(`p.active = ${arg(q.active)}`);
  if (q.lowStock) where.push('p.quantity <= p.reorder_point');
  if (q.outOfStock) where.push('p.quantity = 0');
  if (q.status === 'in_stock') where.push('p.quantity > p.reorder_point');
  if (q.status === 'low_stock') where.push('p.quantity <= p.reorder_point AND p.quantity > 0');
  if (q.status === 'out_of_stock') where.push('p.quantity = 0');
  // Expired stock: past its expiry date with units still on hand (to write off).
  if (q.status === 'expired') where.push('p.expires_at < current_date AND p.quantity > 0');
  if (q.expiringWithinDays !== undefined) {
    where.push(
      `p.expires_at IS NOT NULL AND p.expires_at <= current_date + ${arg(q.expiringWithinDays)}::int`,
    );
  }
  if (q.minPrice !== undefined) where.push(`p.price >= ${arg(q.minPrice)}`);
  if (q.maxPrice !== undefined) where.push(`p.price <= ${arg(q.maxPrice)}`);
  if (q.updatedSince) where.push(`p.updated_at >= ${arg(q.updatedSince)}::timestamptz`);
  const filterArgs = [...args];
  const filter = where.join(' AND ');

  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const sortColumn = SORT_COLUMNS[q.sort ?? 'name'];
  // Only nullable columns need NULLS LAST; elsewhere it would stop a backward index scan.
  const nulls = sortColumn === 'p.cost' || sortColumn === 'p.expires_at' ? ' NULLS LAST' : '';
  const order = `${sortColumn} ${dir}${nulls}, p.id ${dir}`;
  // In the list's own order, so the count reads the list's index (filter, then sort) and stops
  // after TOTAL_CAP + 1 entries; unordered, a store's only products looked cheaper to read by a
  // sequential scan that stops there, which reads every product when fewer match.
  const count = `SELECT count(*)::int AS n FROM (SELECT 1 FROM products p WHERE ${filter}${
    terms ? '' : ` ORDER BY ${order}`
  } LIMIT ${TOTAL_CAP + 1}) m`;
  const limit = arg(q.limit + 1);
  const offset = after ? '' : ` OFFSET ${arg((q.page - 1) * q.limit)}`;
  if (rank && !q.sort && !after) {
    // Relevance: the first SEARCH_CAP matches, ranked. Whole rows in one pass: joining the
    // ranked ids back to products let the planner hash-join a scan of every product.
    const ranked = SELECT.replace(/\s+FROM products p$/, `, ${rank} AS rank FROM products p`);
    return {
      list: {
        text: `SELECT * FROM (${ranked} WHERE ${filter} LIMIT ${SEARCH_CAP}) m
          ORDER BY m.rank DESC, m.name, m.id LIMIT ${limit}${offset}`,
        values: args,
      },
      count: { text: count, values: filterArgs },
    };
  }
  const pageWhere = [...where];
  if (after) {
    const cmp = dir === 'DESC' ? '<' : '>';
    pageWhere.push(`(${sortColumn}, p.id) ${cmp} (${arg(after.value)}, ${arg(after.id)})`);
  }
  return {
    list: {
      text: `${SELECT} WHERE ${pageWhere.join(' AND ')} ORDER BY ${order} LIMIT ${limit}${offset}`,
      values: args,
    },
    count: { text: count, values: filterArgs },
  };
}

/**
 * A page of the list (and, in page mode, the total). With `search`, the words first; when
 * they match nothing, similar names.
 */
export async function listProducts(
  db: Db,
  storeId: string,
  q: ProductListSql,
  after?: { value: unknown; id: string },
): Promise<{ rows: CatalogueRow[]; total: number | undefined; totalCapped: boolean }> {
  if (!q.search) return listPage(db, storeId, q, after);
  const terms: SearchTerms = { text: q.search, tsquery: await prefixTsquery(db, q.search) };
  const words = await listPage(db, storeId, q, after, terms);
  if (words.rows.length || q.page > 1 || after) return words;
  const corrected = await correctedTsquery(db, storeId, q.search);
  return corrected ? listPage(db, storeId, q, after, { ...terms, tsquery: corrected }) : words;
}

async function listPage(
  db: Db,
  storeId: string,
  q: ProductListSql,
  after?: { value: unknown; id: string },
  terms?: SearchTerms,
) {
  const sql = buildProductListSql(storeId, q, after, terms);
  const [{ rows }, total] = await Promise.all([
    db.query<CatalogueRow>(sql.list),
    after
      ? Promise.resolve(undefined)
      : db.query<{ n: number }>(sql.count).then((r) => one(r.rows).n),
  ]);
  if (total !== undefined && total > TOTAL_CAP) {
    return { rows, total: TOTAL_CAP, totalCapped: true };
  }
  return { rows, total, totalCapped: false };
}
