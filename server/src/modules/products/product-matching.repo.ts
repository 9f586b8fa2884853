import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/*
 * Products an invoice line may be (invoices reach these through products.reads.ts): the
 * catalogue searched by barcode, SKU and name words for many lines in one statement each.
 * What the supplier last charged and its own item codes are purchasing's, asked apart.
 */

/** A product a line may be: what the review shows, and the cost a conflict compares with. */
export type ProductCandidate = Row<'products', 'id' | 'name' | 'sku' | 'barcode' | 'cost'> & {
  pos: number;
  method: 'barcode' | 'sku' | 'name';
  score: number;
};

const PRODUCT = `p.id, p.name, p.sku, p.barcode, p.cost`;

/**
 * Exact hits for every line at once: barcodes (each line's spellings: UPC-A and its EAN-13
 * with a leading zero) on the unique (store, barcode) index, and SKUs case-insensitively on
 * the unique (store, lower(sku)) index; barcodes first.
 */
export async function exactCandidates(
  db: Db,
  storeId: string,
  codes: { pos: number[]; code: string[] },
  skus: { pos: number[]; sku: string[] },
): Promise<ProductCandidate[]> {
  const { rows } = await db.query<ProductCandidate>(
    `SELECT c.pos, 'barcode' AS method, ${PRODUCT}, 1::real AS score
     FROM unnest($2::int[], $3::text[]) AS c(pos, code)
     JOIN products p ON p.store_id = $1 AND p.barcode = c.code AND p.active
     UNION ALL
     SELECT s.pos, 'sku', ${PRODUCT}, 0.95::real
     FROM unnest($4::int[], $5::text[]) AS s(pos, sku)
     JOIN products p ON p.store_id = $1 AND lower(p.sku) = lower(s.sku) AND p.active`,
    [storeId, codes.pos, codes.code, skus.pos, skus.sku],
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
  lines: { pos: number[]; description: string[] },
  frequent: string[] = [],
): Promise<ProductCandidate[]> {
  const { rows } = await db.query<ProductCandidate>(
    `WITH l AS (SELECT * FROM unnest($2::int[], $3::text[]) AS l(pos, description)),
     fixed AS MATERIALIZED (
       SELECT l.pos, coalesce(
         (SELECT k.word FROM product_words k WHERE k.store_id = $1 AND k.word = w.word COLLATE "C"),
         (SELECT k.word FROM product_words k WHERE k.store_id = $1 AND k.word % w.word
          ORDER BY similarity(k.word, w.word) DESC, k.word LIMIT 1)) AS word
       FROM l, product_name_words(l.description) AS w(word)
     ),
     q AS (
       SELECT pos, coalesce(
           string_agg(DISTINCT quote_literal(word), ' & ') FILTER (WHERE word <> ALL($4::text[])),
           string_agg(DISTINCT quote_literal(word), ' & '))::tsquery AS tsq
       FROM fixed WHERE word IS NOT NULL GROUP BY pos
     )
     SELECT l.pos, 'name' AS method, c.id, c.name, c.sku, c.barcode, c.cost, c.score
     FROM l JOIN q ON q.pos = l.pos
     CROSS JOIN LATERAL (
       SELECT ${PRODUCT}, similarity(p.name, l.description) AS score
       FROM products p
       WHERE p.store_id = $1 AND p.active AND p.search @@ q.tsq
       ORDER BY score DESC, p.id
       LIMIT 3
     ) c`,
    [storeId, lines.pos, lines.description, frequent],
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
  lines: { pos: number[]; description: string[] },
): Promise<ProductCandidate[]> {
  const { rows } = await db.query<ProductCandidate>(
    `SELECT l.pos, 'name' AS method, c.id, c.name, c.sku, c.barcode, c.cost, c.score
     FROM unnest($2::int[], $3::text[]) AS l(pos, description)
     CROSS JOIN LATERAL (
       SELECT ${PRODUCT}, similarity(p.name, l.description) AS score
       FROM products p
       WHERE p.store_id = $1 AND p.active AND p.name % l.description
       ORDER BY score DESC, p.id
       LIMIT 3
     ) c`,
    [storeId, lines.pos, lines.description],
  );
  return rows;
}

export type CandidateProduct = Omit<ProductCandidate, 'pos' | 'method' | 'score'> &
  Row<'products', 'active'>;

/** Products as lines' matches show them (picked by hand, or all of an invoice's), with their cost. */
export async function productCandidates(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, CandidateProduct>> {
  if (!productIds.length) return new Map();
  const { rows } = await db.query<CandidateProduct>(
    `SELECT ${PRODUCT}, p.active FROM products p WHERE p.store_id = $1 AND p.id = ANY($2::uuid[])`,
    [storeId, productIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which of these ids are products of the store. */
export async function existingProducts(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await db.query<Row<'products', 'id'>>(
    'SELECT id FROM products WHERE store_id = $1 AND id = ANY($2::uuid[])',
    [storeId, ids],
  );
  return new Set(rows.map((r) => r.id));
}
