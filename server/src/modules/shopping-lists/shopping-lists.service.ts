import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import { pageOf } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import { assess } from './assess';
import { candidatesByIds, existingIds, supplierOffers } from './candidates';
import { createConversion, type CreateOrdersInTx } from './convert';
import { createFromPlan, type FromPlanDeps } from './from-plan';
import { assertCriteriaIds, buildItems, type GenerateDeps } from './generate';
import { listItems, withCreators } from './list-items';
import { createOptimization } from './optimize-list';
import type { ReorderSources } from './reorder-sources';
import * as repo from './shopping-lists.repo';
import type { Criteria, GenerateInput, ItemInput, ListQuery } from './shopping-lists.schemas';
import { todayIn } from './suggestion';
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
  /** The products module's facts for ordering a product (plan to list). */
  orderingFacts: FromPlanDeps['orderingFacts'];
  /** Other modules' data a list is made from (reorder-sources.ts). */
  sources: ReorderSources;
}

export function createShoppingListsService(deps: ShoppingListDeps) {
  const { pool, write, timezoneOf, sources } = deps;

  async function view(db: Db, storeId: string, id: string) {
    const row = await repo.findList(db, storeId, id);
    if (!row) throw new NotFoundError('Shopping list');
    const [list] = await withCreators(sources, db, [row]);
    return toList(list!, await listItems(sources, db, storeId, id));
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

  /**
   * The reorder decision for these products (assess.ts): what the reorder plan prices and a
   * list made from it orders, so both name the supplier and priority a generated list would.
   */
  async function assessReorder(
    db: Db,
    storeId: string,
    timezone: string,
    today: string,
    productIds: readonly string[],
    criteria: Pick<Criteria, 'daysAhead' | 'suppliers'>,
  ) {
    const products = await candidatesByIds(sources, db, storeId, productIds);
    return assess(
      db,
      deps,
      storeId,
      timezone,
      products,
      {
        includeExpiring: false,
        ...criteria,
      },
      today,
    );
  }

  const conversion = createConversion({ ...deps, lockList, view });
  return {
    assessReorder,
    convert: conversion.convert,
    fromPlan: createFromPlan({
      ...deps,
      assessReorder,
      view,
      numbersFor: conversion.numbersFor,
      orderInTx: conversion.orderInTx,
    }),

    async generate(ctx: StoreContext, input: GenerateInput) {
      const { criteria } = input;
      await assertCriteriaIds(sources, pool, ctx.storeId, criteria);
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
      const lists = await withCreators(sources, pool, rows);
      return { items: lists.map(toSummary), pagination: pageOf(q.page, q.limit, total) };
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
          const options = await supplierOffers(sources, tx, ctx.storeId, [item.product_id]);
          const offer = options
            .get(item.product_id)!
            .find((o) => o.supplierId === input.supplierId);
          if (!offer) {
            const known = await existingIds(sources, tx, ctx.storeId, 'suppliers', [
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
        if (input.supplierId !== undefined && input.supplierId !== item.supplier_id) {
          // Picked by a person: no supplier was passed over for lead time any more.
          change.passedOverSupplierId = null;
          change.passedOverUnitCost = null;
          change.passedOverLeadTimeDays = null;
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

    optimize: createOptimization({ ...deps, lockList, view }),
  };
}

export type ShoppingListsService = ReturnType<typeof createShoppingListsService>;
