import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/** A product a line may be: what the review shows, and the costs a conflict compares with. */
export type CandidateRow = Row<'products', 'id' | 'name' | 'sku' | 'barcode' | 'cost'> & {
  pos: number;
  method: 'barcode' | 'sku' | 'name';
  last_cost: string | null;
  score: number;
};

const PRODUCT = `p.id, p.name, p.sku, p.barcode, p.cost`;
const LAST_COST = `(SELECT si.last_cost FROM supplier_items si
   WHERE si.supplier_id = $2 AND si.product_id = p.id AND si.store_id = $1) AS last_cost`;

/**
 * Exact hits for every line at once: barcodes (each line's spellings: UPC-A and its EAN-13
 * with a leading zero) on the unique (store, barcode) index, SKUs case-insensitively on the
 * unique (store, lower(sku)) index, and the supplier's own item codes (supplier_items).
 */
export async function exactCandidates(
  db: Db,
  storeId: string,
  supplierId: string | null,
  codes: { pos: number[]; code: string[] },
  skus: { pos: number[]; sku: string[] },
): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT c.pos, 'barcode' AS method, ${PRODUCT}, ${LAST_COST}, 1::real AS score
     FROM unnest($3::int[], $4::text[]) AS c(pos, code)
     JOIN products p ON p.store_id = $1 AND p.barcode = c.code AND p.active
     UNION ALL
     SELECT s.pos, 'sku', ${PRODUCT}, ${LAST_COST}, 0.95::real
     FROM unnest($5::int[], $6::text[]) AS s(pos, sku)
     JOIN products p ON p.store_id = $1 AND lower(p.sku) = lower(s.sku) AND p.active
     UNION ALL
     SELECT s.pos, 'sku', ${PRODUCT}, ${LAST_COST}, 0.9::real
     FROM unnest($5::int[], $6::text[]) AS s(pos, sku)
     JOIN supplier_items si ON si.store_id = $1 AND si.supplier_id = $2
       AND lower(si.supplier_sku) = lower(s.sku)
     JOIN products p ON p.store_id = $1 AND p.id = si.product_id AND p.active`,
    [storeId, supplierId, codes.pos, codes.code, skus.pos, skus.sku],
  );
  return rows;
}

/**
 * Up to three products per description, for every line in one statement, found by words:
 * each word of the description (as product_name_words() splits names) is kept when the
 * store's product names have it, else replaced by the most similar word they have (a typo;
 * trigrams over the short `product_words` list), and the products whose search vector holds
 * every one of those words (but the frequent ones, when it has others: frequentWords()) are
 * ranked by trigram similarity of the whole name. A common word
 * alone would match thousands of names; all of a line's words together match a handful, so a
 * line costs about the same at 100k products as at 1k (a trigram scan of `products.name`
 * checks every name sharing a common word: measured ~8x slower per line on a generated 100k catalogue).
 * `fixed` is MATERIALIZED so each word is corrected once: inlined, the planner evaluated its
 * subqueries once per reference (three), each a scan of the store's words.
 */
export async function wordCandidates(
  db: Db,
  storeId: string,
  supplierId: string | null,
  lines: { pos: number[]; description: string[] },
  frequent: string[] = [],
): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(
    `WITH l AS (SELECT * FROM unnest($3::int[], $4::text[]) AS l(pos, description)),
     fixed AS MATERIALIZED (
       SELECT l.pos, coalesce(
         (SELECT k.word FROM product_words k WHERE k.store_id = $1 AND k.word = w.word COLLATE "C"),
         (SELECT k.word FROM product_words k WHERE k.store_id = $1 AND k.word % w.word
          ORDER BY similarity(k.word, w.word) DESC, k.word LIMIT 1)) AS word
       FROM l, product_name_words(l.description) AS w(word)
     ),
     q AS (
       SELECT pos, coalesce(
           string_agg(DISTINCT quote_literal(word), ' & ') FILTER (WHERE word <> ALL($5::text[])),
           string_agg(DISTINCT quote_literal(word), ' & '))::tsquery AS tsq
       FROM fixed WHERE word IS NOT NULL GROUP BY pos
     )
     SELECT l.pos, 'name' AS method, c.id, c.name, c.sku, c.barcode, c.cost, c.last_cost, c.score
     FROM l JOIN q ON q.pos = l.pos
     CROSS JOIN LATERAL (
       SELECT ${PRODUCT}, ${LAST_COST}, similarity(p.name, l.description) AS score
       FROM products p
       WHERE p.store_id = $1 AND p.active AND p.search @@ q.tsq
       ORDER BY score DESC, p.id
       LIMIT 3
     ) c`,
    [storeId, supplierId, lines.pos, lines.description, frequent],
  );
  return rows;
}

/**
 * The words most product names have, from the planner's statistics of the search vectors
 * (pg_stats.most_common_elems, kept by ANALYZE; empty before the first): leaving them out of
 * a line's query when it has rarer words reads short posting lists instead of long ones
 * (measured 1.7 ms instead of 5.5 ms a line), and the rarer words still hold the product the
 * line names, found by the ranking. Across all stores: it decides speed, never the answer's set
 * beyond widening it.
 */
export async function frequentWords(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ word: string }>(
    `SELECT DISTINCT e AS word FROM pg_stats s, unnest(s.most_common_elems::text::text[]) AS e
     WHERE s.schemaname = current_schema() AND s.tablename = 'products' AND s.attname = 'search'`,
  );
  return rows.map((r) => r.word);
}

/**
 * The fallback for lines whose words found nothing (a word the catalogue does not have, an
 * abbreviation): up to three products by trigram similarity of the whole name, each line's
 * LATERAL probe on the GiST trigram index through `%` (similarity ≥ 0.3; migration 016).
 */
export async function trigramCandidates(
  db: Db,
  storeId: string,
  supplierId: string | null,
  lines: { pos: number[]; description: string[] },
): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT l.pos, 'name' AS method, c.id, c.name, c.sku, c.barcode, c.cost, c.last_cost, c.score
     FROM unnest($3::int[], $4::text[]) AS l(pos, description)
     CROSS JOIN LATERAL (
       SELECT ${PRODUCT}, ${LAST_COST}, similarity(p.name, l.description) AS score
       FROM products p
       WHERE p.store_id = $1 AND p.active AND p.name % l.description
       ORDER BY score DESC, p.id
       LIMIT 3
     ) c`,
    [storeId, supplierId, lines.pos, lines.description],
  );
  return rows;
}

/** Products as lines' matches show them (picked by hand, or all of an invoice's), with their costs. */
export async function productCandidates(
  db: Db,
  storeId: string,
  supplierId: string | null,
  productIds: string[],
): Promise<Map<string, Omit<CandidateRow, 'pos' | 'method' | 'score'>>> {
  if (!productIds.length) return new Map();
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${PRODUCT}, ${LAST_COST} FROM products p WHERE p.store_id = $1 AND p.id = ANY($3::uuid[])`,
    [storeId, supplierId, productIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which of these ids are products of the store. */
export async function existingProducts(
  db: Db,
  storeId: string,
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<Row<'products', 'id'>>(
    'SELECT id FROM products WHERE store_id = $1 AND id = ANY($2::uuid[])',
    [storeId, ids],
  );
  return new Set(rows.map((r) => r.id));
}
