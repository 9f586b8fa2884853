import type { Db } from '../../db/pool';
import { barcodeSpellings } from '../../core/barcode';
import { createCandidates, type CandidateRow } from './invoice-candidates';
import { conflictsOf, soleOrder, type Conflict, type MatchedOrder } from './invoice-conflicts';
import type { LookupsPort } from './lookups-port';
import type { InvoiceContext } from './purchasing-port';

export interface LineToMatch {
  position: number;
  description: string | null;
  upc: string | null;
  sku: string | null;
  quantity: number;
  unitCost: number;
}

export interface MatchedProduct {
  id: string;
  name: string;
  sku: string;
  barcode: string | null;
}

export interface LineMatch {
  position: number;
  match: {
    productId: string | null;
    product: MatchedProduct | null;
    method: 'barcode' | 'sku' | 'name' | 'manual' | 'created' | null;
    confidence: number;
  };
  suggestions: Array<{ productId: string; name: string; sku: string; confidence: number }>;
  conflicts: Conflict[];
}

/**
 * A name match is taken as the line's product only when it is this similar and clearly
 * ahead of the runner-up; otherwise the line stays unmatched with its suggestions, for a
 * person to choose.
 */
export const NAME_MATCH_MIN = 0.6;
export const NAME_MATCH_LEAD = 0.1;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Matches an invoice's lines to the store's catalogue in a fixed number of statements
 * (however many lines): barcode, then SKU (ours, then the supplier's own codes),
 * then names — by words, then by trigrams for the lines words did not find — with up to
 * three suggestions. With the supplier's orders and receipts for the matched products
 * (`context`), the invoice's order is chosen when exactly one order could be meant, and each
 * matched line is checked for conflicts: its unit cost against the last cost, its quantity
 * against what that order has left to invoice. The catalogue and the supplier's items are
 * other modules' (`lookups`). Exported for the benchmark:
 * `matchInvoiceLines(lookups, pool, storeId, lines)`.
 */
export async function matchInvoiceLines(
  lookups: LookupsPort,
  db: Db,
  storeId: string,
  lines: LineToMatch[],
  opts: {
    supplierId?: string | null;
    context?: (productIds: string[]) => Promise<InvoiceContext>;
  } = {},
): Promise<{ lines: LineMatch[]; order: MatchedOrder | null }> {
  const supplierId = opts.supplierId ?? null;
  const candidates = createCandidates(lookups, db, storeId);
  const codes = { pos: [] as number[], code: [] as string[] };
  const skus = { pos: [] as number[], sku: [] as string[] };
  for (const l of lines) {
    for (const code of l.upc ? barcodeSpellings(l.upc) : []) {
      codes.pos.push(l.position);
      codes.code.push(code);
    }
    if (l.sku) {
      skus.pos.push(l.position);
      skus.sku.push(l.sku);
    }
  }
  const exact = new Map<number, CandidateRow>();
  if (codes.pos.length || skus.pos.length) {
    for (const row of await candidates.exact(supplierId, codes, skus)) {
      const seen = exact.get(row.pos);
      if (!seen || rank(row) > rank(seen)) exact.set(row.pos, row);
    }
  }
  const byName = new Map<number, CandidateRow[]>();
  const named = lines.filter((l) => !exact.has(l.position) && l.description);
  const collect = (rows: CandidateRow[]) => {
    for (const row of rows) byName.set(row.pos, [...(byName.get(row.pos) ?? []), row]);
  };
  const batch = (ls: LineToMatch[]) => ({
    pos: ls.map((l) => l.position),
    description: ls.map((l) => l.description!),
  });
  if (named.length) collect(await candidates.words(supplierId, batch(named)));
  const unfound = named.filter((l) => !byName.has(l.position));
  if (unfound.length) collect(await candidates.trigrams(supplierId, batch(unfound)));

  const chosen = new Map<number, CandidateRow>();
  for (const l of lines) {
    const hit = exact.get(l.position) ?? nameHit(byName.get(l.position) ?? []);
    if (hit) chosen.set(l.position, hit);
  }
  const productIds = [...new Set([...chosen.values()].map((c) => c.id))];
  const order =
    opts.context && productIds.length
      ? soleOrder(await opts.context(productIds), productIds)
      : null;
  const conflicts = conflictsOf(
    lines.map((l) => ({ ...l, productId: chosen.get(l.position)?.id ?? null })),
    new Map([...chosen.values()].map((c) => [c.id, c])),
    order,
  );
  return {
    order,
    lines: lines.map((l, i) => {
      const hit = chosen.get(l.position);
      const suggestions = (byName.get(l.position) ?? [])
        .filter((c) => c.id !== hit?.id)
        .map((c) => ({ productId: c.id, name: c.name, sku: c.sku, confidence: round3(c.score) }));
      return {
        position: l.position,
        match: hit
          ? {
              productId: hit.id,
              product: { id: hit.id, name: hit.name, sku: hit.sku, barcode: hit.barcode },
              method: hit.method,
              confidence: round3(hit.score),
            }
          : { productId: null, product: null, method: null, confidence: 0 },
        suggestions,
        conflicts: conflicts[i]!,
      };
    }),
  };
}

const METHOD_RANK = { barcode: 3, sku: 2, name: 1 };
const rank = (c: CandidateRow) => METHOD_RANK[c.method] + c.score;

function nameHit(candidates: CandidateRow[]): CandidateRow | undefined {
  const [best, next] = candidates;
  if (!best || best.score < NAME_MATCH_MIN) return undefined;
  if (next && best.score - next.score < NAME_MATCH_LEAD) return undefined;
  return best;
}
