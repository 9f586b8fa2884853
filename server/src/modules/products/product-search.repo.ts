import type { Db } from '../../db/pool';

/**
 * Type-ahead search, in arms that each cost what their answer needs, not what the catalogue
 * holds: exact codes (unique indexes), names starting with the text (a `text_pattern_ops`
 * index read in order, stopped at the limit), word prefixes (full-text GIN, at most
 * CANDIDATES matches ranked) and, only when those found too little, names that look alike
 * (trigram GIN, at most CANDIDATES). Only active products: these are the ones staff pick.
 */
export const CANDIDATES = 200;

export interface SearchHitRow {
  id: string;
  name: string;
  sku: string;
  barcode: string | null;
  brand: string | null;
  unit: string | null;
  price: string;
  quantity: number;
  reorder_point: number;
  active: boolean;
  score: number;
}

const HIT = `p.id, p.name, p.sku, p.barcode, p.brand, p.unit, p.price, p.quantity, p.reorder_point,
  p.active`;

/**
 * The exact barcode or SKU (case-insensitive) hits, and the prefix tsquery of the text, made
 * by PostgreSQL's own parser so it matches the stored `search` vectors token for token. The
 * tsquery goes back into the next statements as a constant, so the planner can estimate how
 * many products it matches (an expression there would be a guess).
 */
export async function codeHitsAndQuery(db: Db, storeId: string, q: string) {
  const { rows } = await db.query<SearchHitRow & { tsq: string | null; kind: string | null }>(
    `WITH tsq AS (
       SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))::text AS tsq
       FROM unnest(tsvector_to_array(to_tsvector('simple', $2))) AS w
     )
     SELECT tsq.tsq, c.kind, c.id, c.name, c.sku, c.barcode, c.brand, c.unit, c.price,
            c.quantity, c.reorder_point, c.active, 1::real AS score
     FROM tsq LEFT JOIN LATERAL (
       SELECT ${HIT}, CASE WHEN p.barcode = $2 THEN 'barcode' ELSE 'sku' END AS kind
       FROM products p
       WHERE p.store_id = $1 AND p.active AND (p.barcode = $2 OR lower(p.sku) = lower($2))
     ) c ON true`,
    [storeId, q],
  );
  return {
    tsquery: rows[0]?.tsq ?? null,
    hits: rows.filter((r) => r.id).map((r) => ({ ...r, match: r.kind as 'barcode' | 'sku' })),
  };
}

/**
 * Names that start with the text (case-insensitive, by PostgreSQL's lower(), as the index),
 * in name order. The pattern is built in SQL from the parameter, so the planner sees a
 * constant prefix and reads the index range.
 */
export async function namePrefixHits(db: Db, storeId: string, q: string, limit: number) {
  const { rows } = await db.query<SearchHitRow>(
    `SELECT ${HIT}, 1::real AS score FROM products p
     WHERE p.store_id = $1 AND p.active
       AND lower(p.name) LIKE replace(replace(replace(lower($2), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
     ORDER BY lower(p.name) LIMIT $3`,
    [storeId, q, limit],
  );
  return rows;
}

/** Products whose words start with every word of the text, the best CANDIDATES ranked. */
export async function wordHits(db: Db, storeId: string, tsquery: string, limit: number) {
  const { rows } = await db.query<SearchHitRow>(
    `SELECT * FROM (
       SELECT ${HIT}, ts_rank(p.search, $2::tsquery) AS score FROM products p
       WHERE p.store_id = $1 AND p.active AND p.search @@ $2::tsquery
       LIMIT ${CANDIDATES}
     ) c ORDER BY score DESC, name LIMIT $3`,
    [storeId, tsquery, limit],
  );
  return rows;
}

/** Names containing a word like the text (pg_trgm word similarity ≥ 0.6): typos. */
export async function similarHits(db: Db, storeId: string, q: string, limit: number) {
  const { rows } = await db.query<SearchHitRow>(
    `SELECT * FROM (
       SELECT ${HIT}, word_similarity($2, p.name) AS score FROM products p
       WHERE p.store_id = $1 AND p.active AND $2 <% p.name
       LIMIT ${CANDIDATES}
     ) c ORDER BY score DESC, name LIMIT $3`,
    [storeId, q, limit],
  );
  return rows;
}

/** The products of `ids`, in that order (ids not in the store are left out). */
export async function hitsByIds(db: Db, storeId: string, ids: string[]) {
  const { rows } = await db.query<SearchHitRow>(
    `SELECT ${HIT}, 0::real AS score FROM products p
     WHERE p.store_id = $1 AND p.id = ANY($2::uuid[])`,
    [storeId, ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
