/* eslint-disable no-restricted-imports -- the baseline runs the repositories' own SQL, without
   the framework around it, so the comparison measures everything except the SQL. */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { withTransaction } from '../db/pool';
import { insertEvents } from '../modules/events/events.repo';
import * as stock from '../modules/inventory/inventory.repo';
import { benchInvoiceLines } from './bench-invoice';
import { createReads, invoiceLookups } from '../reads';
import { matchInvoiceLines } from '../modules/invoices/invoice-matching';
import * as orders from '../modules/purchasing/purchase-orders.repo';
import * as receiptLines from '../modules/purchasing/receipt-lines.repo';
import * as receipts from '../modules/purchasing/receipts.repo';
import type { BareHandler } from './bare';
import type { Scenario } from './scenarios';

const ORDERS = 20;
const ORDER_LINES = 200;

/**
 * Orders of 200 lines each, with the supplier (and the shipment) still open: every request
 * receives one unit of each line of one order, as a delivery checked in at the back door.
 */
export async function receivingFixtures(pool: Pool, storeId: string, userId: string) {
  const { rows: suppliers } = await pool.query<{ id: string }>(
    `SELECT id FROM suppliers WHERE store_id = $1 ORDER BY name, id LIMIT 1`,
    [storeId],
  );
  const { rows: products } = await pool.query<{ id: string; cost: string | null }>(
    `SELECT id, cost FROM products WHERE store_id = $1 AND active
     ORDER BY md5(id::text || 'receive') LIMIT $2`,
    [storeId, ORDERS * ORDER_LINES],
  );
  const { rows: store } = await pool.query<{ timezone: string }>(
    'SELECT timezone FROM stores WHERE id = $1',
    [storeId],
  );
  const ids: string[] = [];
  for (let o = 0; o * ORDER_LINES < products.length && o < ORDERS; o++) {
    const lines = products.slice(o * ORDER_LINES, (o + 1) * ORDER_LINES).map((p) => ({
      productId: p.id,
      quantity: 1_000_000,
      unitCost: Number(p.cost ?? 1),
    }));
    const id = await orders.insertOrder(pool, storeId, {
      orderNumber: await orders.nextOrderNumber(pool, storeId, store[0]!.timezone),
      supplierId: suppliers[0]!.id,
      expectedAt: null,
      notes: 'benchmark delivery',
      shoppingListId: null,
      userId,
      lines,
    });
    await orders.setStatus(pool, storeId, id, 'processing');
    ids.push(id);
  }
  const base = `/api/v1/stores/${storeId}`;
  const body = (orderIndex: number) =>
    JSON.stringify({
      lines: products
        .slice(orderIndex * ORDER_LINES, (orderIndex + 1) * ORDER_LINES)
        .map((p) => ({ productId: p.id, quantity: 1 })),
    });
  // One path and one body per order, cycled together.
  const scenario: Scenario = {
    name: `receive a ${ORDER_LINES}-line order`,
    app: 'cached',
    method: 'POST',
    appPaths: ids.map((id) => `${base}/purchase-orders/${id}/receive`),
    barePaths: ids.map((id) => `/receive/${id}`),
    bodies: ids.map((_, i) => body(i)),
    connections: 4,
  };
  return { scenario, handlers: { receive: bareReceive(pool, storeId, userId) } };
}

/** The API's receipt SQL in one transaction: lock, lines, receipt, the ledger, the lines. */
function bareReceive(pool: Pool, storeId: string, userId: string): BareHandler {
  return (orderId, body) => {
    const input = JSON.parse(body) as { lines: Array<{ productId: string; quantity: number }> };
    return withTransaction(pool, async (tx) => {
      const order = await orders.lock(tx, storeId, orderId);
      const lines = await receipts.linesOf(tx, storeId, orderId);
      const byProduct = new Map(lines.map((l) => [l.productId, l]));
      const receiptId = await receipts.insertReceipt(tx, storeId, {
        orderId,
        invoiceId: null,
        note: null,
        userId,
      });
      const sorted = input.lines
        .map((l) => ({
          productId: l.productId,
          delta: l.quantity,
          unitCost: byProduct.get(l.productId)!.unitCost,
        }))
        .sort((a, b) => (a.productId < b.productId ? -1 : 1));
      await stock.lockStock(
        tx,
        storeId,
        sorted.map((l) => l.productId),
      );
      const applied = await stock.applyDeltas(tx, storeId, sorted);
      if (applied.size !== sorted.length) throw new Error('receipt refused');
      const movements = await stock.insertMovements(
        tx,
        storeId,
        userId,
        sorted.map((l) => ({
          ...l,
          id: randomUUID(),
          reason: 'purchase_receipt' as const,
          quantityAfter: applied.get(l.productId)!.quantity,
          referenceType: 'purchase_receipt',
          referenceId: receiptId,
          note: `Receipt for ${order!.orderNumber}`,
        })),
      );
      await receiptLines.insertLines(
        tx,
        storeId,
        receiptId,
        sorted.map((l) => ({
          productId: l.productId,
          orderLineId: byProduct.get(l.productId)!.id,
          quantity: l.delta,
          unitCost: l.unitCost,
        })),
        false,
      );
      await insertEvents(
        tx,
        storeId,
        movements.map((m) => ({ type: 'inventory.stock_updated', payload: { movementId: m.id } })),
      );
      await receipts.addReceived(
        tx,
        storeId,
        sorted.map((l) => ({ lineId: byProduct.get(l.productId)!.id, units: l.delta })),
      );
      await orders.touch(tx, storeId, orderId);
      await insertEvents(tx, storeId, [
        { type: 'purchase_order.updated', payload: { purchaseOrderId: orderId } },
      ]);
      return { receiptId };
    });
  };
}

const INVOICE_LINES = 500;
const BOUNDARY = 'nimbus-bench-boundary';

/**
 * A supplier's 500-line invoice uploaded as CSV: a third of its lines carry a barcode, a third
 * a SKU, a third only a description (benchInvoiceLines). The API reads the file, matches every
 * line and stores the invoice; the baseline runs the matching SQL alone on the same lines.
 */
export async function invoiceFixtures(pool: Pool, storeId: string) {
  const lines = await benchInvoiceLines(pool, storeId, INVOICE_LINES);
  const cell = (v: string | number | null) =>
    v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const csv = [
    'Description,UPC,SKU,Quantity,Unit cost,Total',
    ...lines.map((l) =>
      [
        l.description,
        l.upc,
        l.sku,
        l.quantity,
        l.unitCost!.toFixed(2),
        (l.quantity! * l.unitCost!).toFixed(2),
      ]
        .map(cell)
        .join(','),
    ),
  ].join('\n');
  const body = [
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="file"; filename="invoice.csv"',
    'Content-Type: text/csv',
    '',
    csv,
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
  const scenario: Scenario = {
    name: `match a ${INVOICE_LINES}-line invoice`,
    app: 'uncached',
    method: 'POST',
    appPaths: [`/api/v1/stores/${storeId}/invoices`],
    barePaths: ['/match/x'],
    bodies: [body],
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    connections: 2,
    seconds: 20,
  };
  const lookups = invoiceLookups(createReads());
  const match: BareHandler = async () =>
    (await matchInvoiceLines(lookups, pool, storeId, lines)).lines.length;
  return { scenario, handlers: { match } };
}
