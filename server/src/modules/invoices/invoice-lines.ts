import type { Db } from '../../db/pool';
import * as lineRepo from './invoice-lines.repo';
import type { LookupsPort } from './lookups-port';

/** An invoice's lines in order, each with its product's name and codes (the catalogue's). */
export async function invoiceLines(
  lookups: LookupsPort,
  db: Db,
  storeId: string,
  invoiceId: string,
): Promise<lineRepo.InvoiceLine[]> {
  const rows = await lineRepo.lineRows(db, storeId, invoiceId);
  const products = await lookups.products.labelsOf(
    db,
    storeId,
    rows.map((r) => r.product_id),
  );
  return rows.map((r) => lineRepo.toLine(r, products));
}
