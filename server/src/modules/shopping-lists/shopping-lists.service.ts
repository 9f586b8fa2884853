import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import { pageOf } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import * as candidatesRepo from './candidates.repo';
import { createConversion, type CreateOrdersInTx } from './convert';
import { stockCover } from '../forecasting/stock-cover';
import { arrivalsOf } from '../purchasing/on-order';
import { dailyDemand } from './demand';
import { createFromPlan } from './from-plan';
import { assertCriteriaIds, buildItems, type GenerateDeps } from './generate';
import { optimizeItems } from './optimize';
import * as repo from './shopping-lists.repo';
import type {
  GenerateInput,
  ItemInput,
  ListQuery,
  OptimizeCriteria,
} from './shopping-lists.schemas';
import { daysBetween } from './suggestion';
import { toList, toSummary } from './shopping-list-view';

export interface ShoppingListDeps {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  /** The purchasing module's order creation, in the caller's transaction. */
  createOrdersInTx: CreateOrdersInTx;
  /** The purchasing module's next order number, taken outside any transaction. */
  takeOrderNumber(storeId: string): Promise<string>;
  /** The purchasing module's stock on order, the inventory's last stock-in day per product. */
  onOrderFor: GenerateDeps['onOrderFor'];
  lastStockInDays: GenerateDeps['lastStockInDays'];
}

/** The store's calendar day now. */
export const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

export function createShoppingListsService(deps: ShoppingListDeps) {
  const { pool, write, timezoneOf } = deps;

  async function view(db: Db, storeId: string, id: string) {
    const row = await repo.findList(db, storeId, id);
    if (!row) throw new NotFoundError('Shopping list');
    return toList(row, await repo.items(db, storeId, id));
  }

  /** Locks the list for a change; only a draft list changes unless `anyStatus`. */
  async function lockList(db: Db, ctx: StoreContext, id: string, anyStatus = false) {
    const row = await repo.findList(db, ctx.storeId, id, true);
    if (!row) throw new NotFoundError('Shopping list');
    if (!anyStatus && row.status !== 'draft') {
      throw new InvalidStateError(
        `This list is ${row.status}: only a draft list can be changed, optimised, ordered or deleted`,
      );
    }
    return row;
  }

  const conversion = createConversion({ ...deps, lockList, view });
  return {
    convert: conversion.convert,
    fromPlan: createFromPlan({
      ...deps,
      view,
      numbersFor: conversion.numbersFor,
      orderInTx: conversion.orderInTx,
    }),

    async generate(ctx: StoreContext, input: GenerateInput) {
      const { criteria } = input;
      await assertCriteriaIds(pool, ctx.storeId, criteria);
      const timezone = await timezoneOf(ctx);
      const today = todayIn(timezone);
      const items = await buildItems(pool, deps, ctx.storeId, timezone, criteria, today);
      return write(ctx, async (tx, emit) => {
        const id = await repo.insertList(tx, ctx.storeId, {
          name: input.name ?? `Reorder ${today}`,
          criteria,
          userId: ctx.userId,
          items,
        });
        await emit('shopping_list.updated', { shoppingListId: id, change: 'generated' });
        return view(tx, ctx.storeId, id);
      });
    },

    async list(ctx: StoreContext, q: ListQuery) {
      const { rows, total } = await repo.list(pool, ctx.storeId, {
        status: q.status,
        limit: q.limit,
        offset: (q.page - 1) * q.limit,
      });
      return { items: rows.map(toSummary), pagination: pageOf(q.page, q.limit, total) };
    },

    get: (ctx: StoreContext, id: string) => view(pool, ctx.storeId, id),

    rename(ctx: StoreContext, id: string, name: string) {
      return write(ctx, async (tx, emit) => {
        await lockList(tx, ctx, id, true);
        await repo.rename(tx, ctx.storeId, id, name);
        await emit('shopping_list.updated', { shoppingListId: id, change: 'edited' });
        return view(tx, ctx.storeId, id);
      });
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        await lockList(tx, ctx, id);
        await repo.remove(tx, ctx.storeId, id);
        await emit('shopping_list.updated', { shoppingListId: id, change: 'deleted' });
      });
    },

    updateItem(ctx: StoreContext, id: string, itemId: string, input: ItemInput) {
      return write(ctx, async (tx, emit) => {
        await lockList(tx, ctx, id);
        const item = (await repo.items(tx, ctx.storeId, id)).find((i) => i.id === itemId);
        if (!item) throw new NotFoundError('Shopping list item');
        const change: repo.ItemChange = { ...input };
        if (input.supplierId && input.supplierId !== item.supplier_id) {
          const options = await candidatesRepo.supplierOptions(tx, ctx.storeId, [item.product_id]);
          const offer = options
            .get(item.product_id)!
            .find((o) => o.supplierId === input.supplierId);
          if (!offer) {
            const known = await candidatesRepo.existingIds(tx, ctx.storeId, 'suppliers', [
              input.supplierId,
            ]);
            if (!known.size) {
              throw new ValidationError([
                {
                  field: 'supplierId',
                  message: 'no such supplier in this store',
                  code: 'not_found',
                },
              ]);
            }
          }
          // A supplier with no known price for it keeps the estimate the list had.
          if (offer?.cost != null) change.estimatedUnitCost = offer.cost;
        }
        await repo.updateItem(tx, ctx.storeId, id, itemId, change);
        await emit('shopping_list.updated', { shoppingListId: id, change: 'items' });
        return view(tx, ctx.storeId, id);
      });
    },

    async removeItem(ctx: StoreContext, id: string, itemId: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        await lockList(tx, ctx, id);
        if (!(await repo.removeItem(tx, ctx.storeId, id, itemId)))
          throw new NotFoundError('Shopping list item');
        await emit('shopping_list.updated', { shoppingListId: id, change: 'items' });
      });
    },

    async optimize(ctx: StoreContext, id: string, criteria: OptimizeCriteria) {
      if (criteria.preferredSuppliers?.length) {
        await assertCriteriaIds(
          pool,
          ctx.storeId,
          { suppliers: criteria.preferredSuppliers },
          'criteria.preferredSuppliers',
        );
      }
      const today = todayIn(await timezoneOf(ctx));
      return write(ctx, async (tx, emit) => {
        const row = await lockList(tx, ctx, id);
        const rows = await repo.items(tx, ctx.storeId, id);
        const ids = [...new Set(rows.map((r) => r.product_id))];
        const options = await candidatesRepo.supplierOptions(tx, ctx.storeId, ids);
        const listCriteria = row.criteria as { suppliers?: string[]; daysAhead?: number };
        const longest = Math.max(
          0,
          ...[...options.values()].flat().map((o) => o.leadTimeDays ?? 0),
        );
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
    },
  };
}

export type ShoppingListsService = ReturnType<typeof createShoppingListsService>;
