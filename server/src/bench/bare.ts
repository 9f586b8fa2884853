/* eslint-disable no-restricted-imports -- the baseline runs the repositories' own SQL, without
   the framework around it, so the comparison measures everything except the SQL. */
import { randomUUID } from 'node:crypto';
import { plainCheckout } from '../modules/sales/checkout/sale-checkout';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { withTransaction } from '../db/pool';
import { loadDashboard } from '../modules/analytics/dashboard';
import { insertEvents } from '../modules/events/events.repo';
import { listProducts } from '../modules/products/products-list.repo';
import * as products from '../modules/products/products.repo';
import { typeAhead } from '../modules/products/product-search.repo';
import * as stock from '../modules/inventory/inventory.repo';
import type { ListProductsQuery } from '../modules/products/products.schemas';
import * as sales from '../modules/sales/sales.repo';
import { findStore } from '../modules/stores/stores.repo';

export type BareHandler = (arg: string, body: string) => Promise<unknown>;

/** The same SQL as the API for each scenario, as plain functions of (path argument, body). */
export function bareHandlers(
  pool: Pool,
  storeId: string,
  userId: string,
  lists: Record<string, ListProductsQuery>,
  afters: Record<string, { value: unknown; id: string }> = {},
): Record<string, BareHandler> {
  return {
    list: async (name) => (await listProducts(pool, storeId, lists[name]!, afters[name])).rows,
    product: (id) => products.find(pool, storeId, id),
    typeahead: (q) => typeAhead(pool, storeId, q, 8),
    dashboard: async () => {
      const store = await findStore(pool, storeId);
      return loadDashboard(pool, storeId, store!.timezone);
    },
    sale: (_arg, body) => {
      const { items } = JSON.parse(body) as {
        items: Array<{ productId: string; quantity: number }>;
      };
      // The API's statements: lock, one stock UPDATE, one movements INSERT, the sale (read
      // back in its own INSERT), one outbox INSERT.
      return withTransaction(pool, async (tx) => {
        const ids = [...new Set(items.map((i) => i.productId))].sort();
        const locked = await stock.lockStock(tx, storeId, ids);
        const soldAt = new Date();
        const saleId = randomUUID();
        const applied = await stock.applyDeltas(
          tx,
          storeId,
          items.map((i) => ({ productId: i.productId, delta: -i.quantity, soldAt })),
        );
        if (applied.size !== items.length) throw new Error('insufficient stock');
        const movements = await stock.insertMovements(
          tx,
          storeId,
          userId,
          items.map((i) => ({
            id: randomUUID(),
            productId: i.productId,
            delta: -i.quantity,
            reason: 'sale' as const,
            quantityAfter: applied.get(i.productId)!.quantity,
            unitCost: applied.get(i.productId)!.cost,
            referenceType: 'sale',
            referenceId: saleId,
            at: soldAt,
          })),
        );
        const { lines, totals } = plainCheckout(
          items.map((i) => ({ ...i, unitPrice: locked.get(i.productId)!.price })),
        );
        const sale = await sales.insertSale(tx, storeId, {
          id: saleId,
          userId,
          soldAt,
          note: null,
          totals,
          lines: lines.map((l) => ({ ...l, unitCost: applied.get(l.productId)!.cost })),
        });
        await insertEvents(tx, storeId, [
          ...movements.map((m) => ({
            type: 'inventory.stock_updated' as const,
            payload: { movementId: m.id },
          })),
          { type: 'sale.recorded' as const, payload: { saleId } },
        ]);
        return sale;
      });
    },
  };
}

/** node:http + pg: `/<handler>/<arg>` runs the handler and answers its result as JSON. */
export async function startBareServer(handlers: Record<string, BareHandler>) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, name = '', arg = ''] = (req.url ?? '/').split('/');
      const handler = handlers[name];
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      handler(decodeURIComponent(arg), Buffer.concat(chunks).toString()).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data }));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(err) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
