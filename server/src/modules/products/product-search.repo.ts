import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/**
 * Type-ahead search, in arms that each cost what their answer needs, not what the catalogue
 * holds: exact codes (unique indexes), names starting with the text (a `text_pattern_ops`
 * index read in order, stopped at the limit), word prefixes (full-text GIN, at most
 * CANDIDATES matches ranked) and, only when those found too little, the same with misspelt
 * words corrected from the store's own words. Only active products: staff pick those.
 */
export const CANDIDATES = 200;

export type SearchHitRow = Row<
  'products',
  | 'id'
  | 'name'
  | 'sku'
  | 'barcode'
  | 'brand'
  | 'unit'
  | 'price'
  | 'quantity'
  | 'reorder_point'
  | 'active'
> & { score: number };

/** The prefix tsquery of the text in parameter `param`, as text, by the parser that built `search`. */
const prefixTsquerySql = (param: string) =>
  `(SELECT to_tsquery('simple', string_agg(quote_literal(w) || ':*', ' & '))::text
    FROM unnest(tsvector_to_array(to_tsvector('simple', ${param}))) AS w)`;

/** The prefix tsquery of a text, by PostgreSQL's own parser (the one that built `search`). */
export async function prefixTsquery(db: Db, text: string): Promise<string | null> {
  const { rows } = await db.query<{ tsq: string | null }>(
    `SELECT ${prefixTsquerySql('$1')} AS tsq`,
    [text],
  );
  return rows[0]?.tsq ?? null;
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
    `WITH tsq AS (SELECT ${prefixTsquerySql('$2')} AS tsq)
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
    // USING ~<~: the index's own (byte) order, so it is read in order and stopped at $3.
    `SELECT ${HIT}, 1::real AS score FROM products p
     WHERE p.store_id = $1 AND p.active
       AND lower(p.name) LIKE replace(replace(replace(lower($2), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
     ORDER BY lower(p.name) USING ~<~ LIMIT $3`,
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

/**
 * The text with each misspelt word replaced by the most similar word of the store's product
 * names (`product_words`, pg_trgm similarity ≥ 0.3), as a prefix tsquery; null when every
 * word already begins a known word (nothing to correct) or a word has no similar one. The
 * list of words is short (a catalogue of 100k products has hundreds to a few tens of
 * thousands), so this costs the same whatever the number of products.
 */
export async function correctedTsquery(db: Db, storeId: string, q: string) {
  const { rows } = await db.query<{ tsq: string | null }>(
    `WITH t AS (
       SELECT w, ord
       FROM unnest(tsvector_to_array(to_tsvector('simple', $2))) WITH ORDINALITY AS u (w, ord)
     ), fixed AS (
       SELECT t.ord, t.w,
         CASE WHEN EXISTS (
           SELECT 1 FROM product_words k
           WHERE k.store_id = $1 AND k.word >= t.w COLLATE "C"
             AND k.word < (t.w || chr(1114111)) COLLATE "C"
         ) THEN t.w
         ELSE (
           SELECT k.word FROM product_words k WHERE k.store_id = $1 AND k.word % t.w
           ORDER BY similarity(k.word, t.w) DESC, k.word LIMIT 1
         ) END AS fix
       FROM t
     )
     SELECT CASE WHEN bool_and(fix IS NOT NULL) AND bool_or(fix <> w) THEN
       to_tsquery('simple', string_agg(quote_literal(fix) || ':*', ' & ' ORDER BY ord))::text
     END AS tsq
     FROM fixed`,
    [storeId, q],
  );
  return rows[0]?.tsq ?? null;
}

export type SearchMatch = 'barcode' | 'sku' | 'name' | 'similar';

/**
 * Type-ahead: an exact barcode or SKU first (a scan), then names starting with the text, then
 * names whose words start with the text's words, best ranked first; names that only look
 * alike (a typo) when those leave room and no code matched. What it reads is bounded by
 * `limit` and CANDIDATES, never by the size of the catalogue.
 */
export async function typeAhead(db: Db, storeId: string, q: string, limit: number) {
  const { tsquery, hits: codes } = await codeHitsAndQuery(db, storeId, q);
  const [prefix, words] = await Promise.all([
    namePrefixHits(db, storeId, q, limit),
    tsquery ? wordHits(db, storeId, tsquery, limit) : [],
  ]);
  const found = new Map<string, SearchHitRow & { match: SearchMatch }>();
  const add = (rows: SearchHitRow[], match: SearchMatch) => {
    for (const r of rows) if (!found.has(r.id)) found.set(r.id, { ...r, match });
  };
  for (const c of codes) add([c], c.match);
  add(prefix, 'name');
  add(words, 'name');
  if (!codes.length && found.size < limit) {
    const corrected = await correctedTsquery(db, storeId, q);
    if (corrected) add(await wordHits(db, storeId, corrected, limit), 'similar');
  }
  return [...found.values()].slice(0, limit);
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
