import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import { shelfLifeDays } from '../forecasting/stock-cover';
import { coverOf, type AssessDeps } from './assess';
import { dailyDemand } from './demand';
import { assertCriteriaIds } from './generate';
import { optimizeItems } from './optimize';
import * as repo from './shopping-lists.repo';
import type { OptimizeCriteria } from './shopping-lists.schemas';
import type { ShoppingList } from './shopping-list-view';
import { todayIn } from './suggestion';
import { listItems } from './list-items';
import type { ReorderSources } from './reorder-sources';
import { supplierOptions } from './supplier-options';

/**
 * POST shopping-lists/{id}/optimize: loads what the choice needs (each product's suppliers,
 * demand, what is on order, when it runs out), lets `optimizeItems` decide by the criteria,
 * and stores the changes in one transaction with the list locked.
 */
export function createOptimization(deps: {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  onOrderFor: AssessDeps['onOrderFor'];
  lastStockInDays: AssessDeps['lastStockInDays'];
  sources: ReorderSources;
  lockList(db: Db, ctx: StoreContext, id: string): Promise<repo.StoredListRow>;
  view(db: Db, storeId: string, id: string): Promise<ShoppingList>;
}) {
  const { pool, write, lockList, view } = deps;
  return async function optimize(ctx: StoreContext, id: string, criteria: OptimizeCriteria) {
    if (criteria.preferredSuppliers?.length) {
      await assertCriteriaIds(
        deps.sources,
        pool,
        ctx.storeId,
        { suppliers: criteria.preferredSuppliers },
        'criteria.preferredSuppliers',
      );
    }
    const timezone = await deps.timezoneOf(ctx);
    const today = todayIn(timezone);
    return write(ctx, async (tx, emit) => {
      const row = await lockList(tx, ctx, id);
      const rows = await listItems(deps.sources, tx, ctx.storeId, id);
      const ids = [...new Set(rows.map((r) => r.product_id))];
      const options = await supplierOptions(deps.sources, tx, ctx.storeId, ids);
      const listCriteria = row.criteria as { suppliers?: string[]; daysAhead?: number };
      const longest = Math.max(0, ...[...options.values()].flat().map((o) => o.leadTimeDays));
      const demand = await dailyDemand(
        deps.sources,
        tx,
        ctx.storeId,
        ids,
        longest + (listCriteria.daysAhead ?? 7),
      );
      const onOrder = await deps.onOrderFor(tx, ctx.storeId, ids);
      const stockIn = await deps.lastStockInDays(tx, ctx.storeId, timezone, ids);
      // When each product runs out, as the list was generated (assess.ts `coverOf`): a
      // supplier that cannot deliver by then is not chosen for its price.
      const runsOut = new Map(
        rows.map((r) => [
          r.product_id,
          coverOf(
            { quantity: r.stock, expiresAt: r.expires_at },
            demand.get(r.product_id) ?? 0,
            onOrder.get(r.product_id)!,
            today,
            shelfLifeDays(r.expires_at, stockIn.get(r.product_id)),
          ).days,
        ]),
      );
      const filter = listCriteria.suppliers;
      const planned = optimizeItems(rows, options, {
        criteria,
        allowed: filter ? new Set(filter) : undefined,
        runsOutInDays: (productId) => runsOut.get(productId) ?? null,
      });
      for (const p of planned) await repo.updateItem(tx, ctx.storeId, id, p.itemId, p.update);
      await repo.touch(tx, ctx.storeId, id, true);
      await emit('shopping_list.updated', { shoppingListId: id, change: 'optimized' });
      return { ...(await view(tx, ctx.storeId, id)), changes: planned.flatMap((p) => p.changes) };
    });
  };
}
