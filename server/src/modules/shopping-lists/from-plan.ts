/**
 * POST shopping-lists/from-plan: the reorder plan (POST optimization/reorder) as a draft
 * list, or with `placeOrders` as that list ordered (one purchase order per supplier), in one
 * transaction. The items are the ones the person saw in the plan; each is checked against the
 * store and priced at its supplier's last known cost. An item without a supplier goes to the
 * one the plan and reorder lists choose (assess.ts: price weighed against lead time).
 */
import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Emit } from '../../core/events';
import type { StoreWriter } from '../events/events.service';
import type { ProductsService } from '../products/products.service';
import { REVIEW_DAYS } from '../forecasting/prediction';
import type { Assessment } from './assess';
import { existingIds } from './candidates';
import type { ReorderSources } from './reorder-sources';
import { todayIn } from './suggestion';
import { supplierOptions } from './supplier-options';
import * as repo from './shopping-lists.repo';
import type { FromPlanInput } from './shopping-lists.schemas';
import type { ShoppingList } from './shopping-list-view';

export interface FromPlanDeps {
  pool: Pool;
  sources: ReorderSources;
  /** The products module's facts for ordering: active, own supplier, cost. */
  orderingFacts: ProductsService['orderingFacts'];
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  /** The reorder decision (shopping-lists.service.ts `assessReorder`). */
  assessReorder(
    db: Pool,
    storeId: string,
    timezone: string,
    today: string,
    productIds: readonly string[],
    criteria: { daysAhead: number },
  ): Promise<Assessment[]>;
  view(db: PoolClient, storeId: string, id: string): Promise<ShoppingList>;
  numbersFor(storeId: string, suppliers: number): Promise<string[]>;
  orderInTx(
    tx: PoolClient,
    emit: Emit,
    ctx: StoreContext,
    list: repo.StoredListRow,
    numbers: readonly string[],
    today: string,
  ): Promise<{ purchaseOrders: unknown[]; shoppingList: ShoppingList }>;
}

/**
 * The items as list rows; products or suppliers not of this store are 400 naming each. An
 * item without a `supplierId` goes to the supplier the reorder plan chooses (the cheapest
 * active one that can deliver before the product runs out); with `placeOrders` every item
 * needs an active one.
 */
async function itemsOf(
  deps: FromPlanDeps,
  storeId: string,
  timezone: string,
  today: string,
  input: FromPlanInput,
) {
  const { pool } = deps;
  const ids = input.items.map((i) => i.productId);
  const named = input.items.flatMap((i) => (i.supplierId ? [i.supplierId] : []));
  const [products, suppliers, options, assessed] = await Promise.all([
    deps.orderingFacts(pool, storeId, ids),
    existingIds(deps.sources, pool, storeId, 'suppliers', named),
    supplierOptions(deps.sources, pool, storeId, ids),
    deps.assessReorder(pool, storeId, timezone, today, ids, { daysAhead: REVIEW_DAYS }),
  ]);
  const choices = new Map(assessed.map((a) => [a.product.id, a.choice]));
  const details: ErrorDetail[] = [];
  const items = input.items.map((item, i) => {
    const product = products.get(item.productId);
    const offers = options.get(item.productId) ?? [];
    if (!product?.active) {
      details.push({
        field: `items.${i}.productId`,
        message: product ? 'is inactive: activate it to order it' : 'no such product in this store',
        code: 'not_found',
      });
    }
    if (item.supplierId && !suppliers.has(item.supplierId)) {
      details.push({
        field: `items.${i}.supplierId`,
        message: 'no such supplier in this store',
        code: 'not_found',
      });
    }
    const choice = choices.get(item.productId);
    const supplier =
      item.supplierId === undefined
        ? choice?.supplier
        : offers.find((o) => o.supplierId === item.supplierId);
    const supplierId =
      item.supplierId === undefined ? (supplier?.supplierId ?? null) : item.supplierId;
    if (input.placeOrders && product && (!supplierId || (supplier && !supplier.usable))) {
      details.push({
        field: `items.${i}.supplierId`,
        message: supplierId
          ? `${supplier!.name} is not active: pick another supplier, or make the list first`
          : 'has no active supplier to order from: name one, or make the list first',
        code: 'required',
      });
    }
    return {
      productId: item.productId,
      supplierId,
      suggestedQuantity: item.quantity,
      priority: item.priority,
      reason: item.reason ?? 'From the reorder plan',
      notes: item.notes ?? null,
      estimatedUnitCost: supplier?.cost ?? product?.cost ?? null,
      // The cheaper supplier the choice passed over for lead time, when this is that choice.
      passedOver:
        choice?.passedOver && supplier && supplier.supplierId === choice.supplier?.supplierId
          ? {
              supplierId: choice.passedOver.supplierId,
              unitCost: choice.passedOver.cost,
              leadTimeDays: choice.passedOver.leadTimeDays,
            }
          : null,
    };
  });
  if (details.length) {
    const names = details.filter((d) => d.code === 'required').length;
    throw new ValidationError(
      details,
      names
        ? `${names === 1 ? 'One product has' : `${names} products have`} no active supplier to order from: create the list and pick one there`
        : undefined,
    );
  }
  return items;
}

export function createFromPlan(deps: FromPlanDeps) {
  const { write, timezoneOf } = deps;
  return async function fromPlan(ctx: StoreContext, input: FromPlanInput) {
    const timezone = await timezoneOf(ctx);
    const today = todayIn(timezone);
    const items = await itemsOf(deps, ctx.storeId, timezone, today, input);
    const suppliers = new Set(items.map((i) => i.supplierId).filter(Boolean));
    const numbers = input.placeOrders ? await deps.numbersFor(ctx.storeId, suppliers.size) : [];
    return write(ctx, async (tx, emit) => {
      const id = await repo.insertList(tx, ctx.storeId, {
        name: input.name ?? `Reorder plan ${today}`,
        criteria: {},
        userId: ctx.userId,
        items,
        autoGenerated: false,
      });
      await emit('shopping_list.updated', { shoppingListId: id, change: 'generated' });
      if (!input.placeOrders) {
        return { purchaseOrders: [], shoppingList: await deps.view(tx, ctx.storeId, id) };
      }
      const list = (await repo.findList(tx, ctx.storeId, id, true))!;
      return deps.orderInTx(tx, emit, ctx, list, numbers, today);
    });
  };
}
