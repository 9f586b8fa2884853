import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import { stockCover } from '../forecasting/stock-cover';
import { arrivalsOf } from '../purchasing/on-order';
import * as candidatesRepo from './candidates.repo';
import { dailyDemand } from './demand';
import { assertCriteriaIds, type OnOrderFor } from './generate';
import { optimizeItems } from './optimize';
import * as repo from './shopping-lists.repo';
import type { OptimizeCriteria } from './shopping-lists.schemas';
import type { ShoppingList } from './shopping-list-view';
import { daysBetween, todayIn } from './suggestion';

/**
 * POST shopping-lists/{id}/optimize: loads what the choice needs (each product's suppliers,
 * demand, what is on order, when it runs out), lets `optimizeItems` decide by the criteria,
 * and stores the changes in one transaction with the list locked.
 */
export function createOptimization(deps: {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  onOrderFor: OnOrderFor;
  lockList(db: Db, ctx: StoreContext, id: string): Promise<repo.ListRow>;
  view(db: Db, storeId: string, id: string): Promise<ShoppingList>;
}) {
  const { pool, write, lockList, view } = deps;
  return async function optimize(ctx: StoreContext, id: string, criteria: OptimizeCriteria) {
    if (criteria.preferredSuppliers?.length) {
      await assertCriteriaIds(
        pool,
        ctx.storeId,
        { suppliers: criteria.preferredSuppliers },
        'criteria.preferredSuppliers',
      );
    }
    const today = todayIn(await deps.timezoneOf(ctx));
    return write(ctx, async (tx, emit) => {
      const row = await lockList(tx, ctx, id);
      const rows = await repo.items(tx, ctx.storeId, id);
      const ids = [...new Set(rows.map((r) => r.product_id))];
      const options = await candidatesRepo.supplierOptions(tx, ctx.storeId, ids);
      const listCriteria = row.criteria as { suppliers?: string[]; daysAhead?: number };
      const longest = Math.max(0, ...[...options.values()].flat().map((o) => o.leadTimeDays ?? 0));
      const [demand, onOrder] = await Promise.all([
        dailyDemand(tx, ctx.storeId, ids, longest + (listCriteria.daysAhead ?? 7)),
        deps.onOrderFor(tx, ctx.storeId, ids),
      ]);
      // When each product runs out (stock, deliveries due before then, expiry): a supplier
      // that cannot deliver by then is not chosen for its price.
      const runsOut = new Map(
        rows.map((r) => [
          r.product_id,
          stockCover({
            stock: r.stock,
            perDay: demand.get(r.product_id) ?? 0,
            arrivals: arrivalsOf(onOrder.get(r.product_id)!, today),
            expiresInDays: r.expires_at ? daysBetween(today, r.expires_at) : null,
          }).days,
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
