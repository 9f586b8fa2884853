import type { PoolClient } from 'pg';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { InvoiceLine } from './invoice-lines.repo';
import { planInvoice, type PlanLine } from './invoice-three-way';
import type { LineDecision } from './invoices.schemas';
import type { PurchasingPort } from './purchasing-port';

export const lineLabel = (l: Pick<InvoiceLine, 'position' | 'description' | 'sku' | 'upc'>) =>
  `line ${l.position + 1} (${l.description ?? l.sku ?? l.upc ?? 'no description'})`;

/**
 * The decisions of a request checked against the invoice: each names one of its lines, once,
 * and a product of the store. `all`: every line must be decided (reconciling); a preview may
 * leave lines to their defaults.
 */
export async function checkDecisions(
  db: Db,
  productsExist: (db: Db, ids: string[]) => Promise<Set<string>>,
  lines: InvoiceLine[],
  decisions: LineDecision[],
  all: boolean,
) {
  const details: ErrorDetail[] = [];
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!byId.has(d.lineId))
      details.push({
        field: `lines.${i}.lineId`,
        message: 'is not a line of this invoice',
        code: 'not_found',
      });
    else if (seen.has(d.lineId))
      details.push({ field: `lines.${i}.lineId`, message: 'is decided twice', code: 'duplicate' });
    seen.add(d.lineId);
  });
  if (all)
    for (const l of lines)
      if (!seen.has(l.lineId))
        details.push({
          field: 'lines',
          message: `${lineLabel(l)} is not decided: confirm a product or skip it (productId null)`,
          code: 'undecided',
        });
  const ids = [...new Set(decisions.flatMap((d) => (d.productId ? [d.productId] : [])))];
  const existing = await productsExist(db, ids);
  decisions.forEach((d, i) => {
    if (d.productId && !existing.has(d.productId))
      details.push({
        field: `lines.${i}.productId`,
        message: 'no such product in this store',
        code: 'not_found',
      });
  });
  if (details.length)
    throw new ValidationError(details, 'Every line of the invoice must be decided');
}

/**
 * The three-way plan of an invoice's lines with these decisions (a line without one keeps its
 * match and the default choice), against the supplier's orders and uninvoiced receipts as
 * purchasing has them now. In a reconciliation (`lock`), those orders are locked first.
 */
export async function planFor(
  db: Db | PoolClient,
  purchasing: PurchasingPort,
  storeId: string,
  invoice: { supplier_id: string | null; purchase_order_id: string | null },
  lines: InvoiceLine[],
  input: { lines: LineDecision[]; purchaseOrderId?: string },
  lock = false,
) {
  const index = new Map(input.lines.map((d, i) => [d.lineId, { d, i }]));
  const planLines: PlanLine[] = lines.map((l) => {
    const decided = index.get(l.lineId);
    const d = decided?.d;
    const productId = d ? d.productId : l.match.productId;
    const price = l.conflicts.find((c) => c.kind === 'price');
    return {
      lineId: l.lineId,
      label: lineLabel(l),
      field: decided ? `lines.${decided.i}` : 'lines',
      productId,
      quantity: d?.quantity ?? l.quantity ?? 0,
      unitCost: d?.unitCost ?? l.unitCost,
      action: d?.action,
      purchaseOrderId: d?.purchaseOrderId,
      lastCost: price && productId === l.match.productId ? price.expected : null,
      acceptNewCost: d?.acceptNewCost,
    };
  });
  const productIds = [...new Set(planLines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const context = invoice.supplier_id
    ? await purchasing.invoiceContext(db, storeId, invoice.supplier_id, productIds, { lock })
    : { orders: [], receipts: [] };
  return {
    context,
    ...planInvoice(planLines, context, input.purchaseOrderId ?? invoice.purchase_order_id),
  };
}
