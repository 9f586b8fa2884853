import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';
import type { Conflict } from './invoice-conflicts';
import type { ExtractedInvoice, LineOcr } from './invoice-extract';
import type { LineMatch } from './invoice-matching';
import type { ThreeWay } from './invoice-three-way';

// An invoice's lines: as read from the file, with their match, suggestions and conflicts.

/** The lines and their matches, in one statement. */
export async function insertLines(
  db: Db,
  storeId: string,
  invoiceId: string,
  lines: ExtractedInvoice['lines'],
  matches: LineMatch[],
) {
  const byPos = new Map(matches.map((m) => [m.position, m]));
  await db.query(
    `INSERT INTO invoice_lines (store_id, invoice_id, position, description, quantity, unit_cost, total,
       upc, sku, product_id, match_method, confidence, suggestions, conflicts, ocr)
     SELECT $1, $2, l.position, l.description, l.quantity, l.unit_cost, l.total, l.upc, l.sku,
       l.product_id, l.match_method, l.confidence, l.suggestions, l.conflicts, l.ocr
     FROM jsonb_to_recordset($3::jsonb) AS l(position int, description text, quantity int,
       unit_cost numeric, total numeric, upc text, sku text, product_id uuid, match_method text,
       confidence numeric, suggestions jsonb, conflicts jsonb, ocr jsonb)`,
    [
      storeId,
      invoiceId,
      JSON.stringify(
        lines.map((l) => {
          const m = byPos.get(l.position);
          return {
            position: l.position,
            description: l.description,
            quantity: l.quantity,
            unit_cost: l.unitCost,
            total: l.total,
            upc: l.upc,
            sku: l.sku,
            product_id: m?.match.productId ?? null,
            match_method: m?.match.method ?? null,
            confidence: m?.match.productId ? m.match.confidence : null,
            suggestions: m?.suggestions ?? [],
            conflicts: m?.conflicts ?? [],
            ocr: l.ocr,
          };
        }),
      ),
    ],
  );
}

export interface InvoiceLine {
  lineId: string;
  position: number;
  description: string | null;
  quantity: number;
  unitCost: number;
  total: number;
  upc: string | null;
  sku: string | null;
  match: LineMatch['match'];
  suggestions: LineMatch['suggestions'];
  conflicts: Conflict[];
  receivedQuantity: number | null;
  /** As it was decided, once reconciled (null before, and for invoices reconciled before it was kept). */
  decided: ThreeWay | null;
  action: ThreeWay['action'];
  /** How sure OCR was of the line, and its fields to check against the scan (null: not a scan). */
  ocr: (LineOcr & { review: Array<keyof LineOcr['fields']> }) | null;
}

/**
 * A field OCR was less sure of than this is one to check against the scan: Tesseract's word
 * confidences on a clean scan are 0.9 and above, and its misreadings measured lower (docs).
 */
export const OCR_REVIEW_BELOW = 0.8;

/** The line's OCR confidence with the fields to check (`review`), as the API shows it. */
export const ocrReview = (ocr: LineOcr | null): InvoiceLine['ocr'] =>
  ocr && {
    ...ocr,
    review: (Object.keys(ocr.fields) as Array<keyof LineOcr['fields']>).filter(
      (f) => ocr.fields[f]! < OCR_REVIEW_BELOW,
    ),
  };

export type LineRow = Row<
  'invoice_lines',
  | 'id'
  | 'position'
  | 'description'
  | 'upc'
  | 'sku'
  | 'product_id'
  | 'confidence'
  | 'received_quantity'
> & {
  /** Nullable columns, but every line is stored with them (`insertLines`). */
  quantity: number;
  unit_cost: string;
  total: string;
  match_method: LineMatch['match']['method'];
  suggestions: LineMatch['suggestions'];
  conflicts: Conflict[];
  three_way: ThreeWay | null;
  action: ThreeWay['action'];
  ocr: LineOcr | null;
};

const LINES = `SELECT l.id, l.position, l.description, l.quantity, l.unit_cost, l.total, l.upc, l.sku,
  l.product_id, l.match_method, l.confidence, l.suggestions, l.conflicts, l.received_quantity,
  l.three_way, l.action, l.ocr
  FROM invoice_lines l`;

/** The line, with its product's name and codes (`products`: the catalogue's, invoice-lines.ts). */
export function toLine(
  r: LineRow,
  products: ReadonlyMap<string, { name: string; sku: string; barcode: string | null }>,
): InvoiceLine {
  const product = r.product_id ? products.get(r.product_id) : undefined;
  return {
    lineId: r.id,
    position: r.position,
    description: r.description,
    quantity: r.quantity,
    unitCost: Number(r.unit_cost),
    total: Number(r.total),
    upc: r.upc,
    sku: r.sku,
    match: {
      productId: r.product_id,
      product:
        r.product_id && product
          ? { id: r.product_id, name: product.name, sku: product.sku, barcode: product.barcode }
          : null,
      method: r.product_id ? r.match_method : null,
      confidence: r.product_id && r.confidence !== null ? Number(r.confidence) : 0,
    },
    suggestions: r.suggestions,
    conflicts: r.conflicts,
    receivedQuantity: r.received_quantity,
    decided: r.three_way,
    action: r.action,
    ocr: ocrReview(r.ocr),
  };
}

/** The invoice's line rows, in order (invoice-lines.ts names their products). */
export async function lineRows(db: Db, storeId: string, invoiceId: string) {
  const { rows } = await db.query<LineRow>(
    `${LINES} WHERE l.store_id = $1 AND l.invoice_id = $2 ORDER BY l.position`,
    [storeId, invoiceId],
  );
  return rows;
}

/** A line's product, as a person picked it (or none). Its conflicts: `setConflicts`. */
export async function setLineMatch(
  db: Db,
  storeId: string,
  lineId: string,
  productId: string | null,
  method: 'manual' | 'created' | null,
) {
  await db.query(
    `UPDATE invoice_lines SET product_id = $3, match_method = $4,
       confidence = CASE WHEN $3::uuid IS NULL THEN NULL ELSE 1 END
     WHERE store_id = $1 AND id = $2`,
    [storeId, lineId, productId, method],
  );
}

/** Lines' conflicts, checked again, in one statement. */
export async function setConflicts(
  db: Db,
  storeId: string,
  lines: Array<{ lineId: string; conflicts: Conflict[] }>,
) {
  await db.query(
    `UPDATE invoice_lines l SET conflicts = d.conflicts
     FROM jsonb_to_recordset($2::jsonb) AS d(line_id uuid, conflicts jsonb)
     WHERE l.store_id = $1 AND l.id = d.line_id`,
    [storeId, JSON.stringify(lines.map((l) => ({ line_id: l.lineId, conflicts: l.conflicts })))],
  );
}

/**
 * Lines matched again (their product, how, how sure, suggestions) and every line's conflicts,
 * in one statement; a line without `match` keeps its product (a person's choice).
 */
export async function saveMatches(
  db: Db,
  storeId: string,
  lines: Array<{
    lineId: string;
    match?: LineMatch['match'];
    suggestions?: LineMatch['suggestions'];
    conflicts: Conflict[];
  }>,
) {
  await db.query(
    `UPDATE invoice_lines l SET
       product_id = CASE WHEN d.rematched THEN d.product_id ELSE l.product_id END,
       match_method = CASE WHEN d.rematched THEN d.method ELSE l.match_method END,
       confidence = CASE WHEN d.rematched THEN d.confidence ELSE l.confidence END,
       suggestions = CASE WHEN d.rematched THEN d.suggestions ELSE l.suggestions END,
       conflicts = d.conflicts
     FROM jsonb_to_recordset($2::jsonb) AS d(line_id uuid, rematched boolean, product_id uuid,
       method text, confidence numeric, suggestions jsonb, conflicts jsonb)
     WHERE l.store_id = $1 AND l.id = d.line_id`,
    [
      storeId,
      JSON.stringify(
        lines.map((l) => ({
          line_id: l.lineId,
          rematched: l.match !== undefined,
          product_id: l.match?.productId ?? null,
          method: l.match?.method ?? null,
          confidence: l.match?.productId ? l.match.confidence : null,
          suggestions: l.suggestions ?? [],
          conflicts: l.conflicts,
        })),
      ),
    ],
  );
}
