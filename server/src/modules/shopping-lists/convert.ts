import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { InvalidStateError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import type { PurchasingService } from '../purchasing/purchasing.service';
import { listItems } from './list-items';
import type { ReorderSources } from './reorder-sources';
import * as repo from './shopping-lists.repo';
import type { ShoppingList } from './shopping-list-view';
import { addDays, todayIn } from './suggestion';

/** The purchasing module's order creation, in the caller's transaction. */
export type CreateOrdersInTx = PurchasingService['createOrdersInTx'];

/**
 * Turning a draft list into purchase orders: one per supplier for the items still to buy
 * (quantity above 0, not purchased), in one transaction with the list becoming `ordered`.
 */
/** The open items (quantity above 0, not purchased) by supplier; refuses what cannot be ordered. */
async function openBySupplier(sources: ReorderSources, db: Db, storeId: string, id: string) {
  const open = (await listItems(sources, db, storeId, id)).filter(
    (i) => i.quantity > 0 && !i.purchased,
  );
  if (!open.length) {
    throw new InvalidStateError('Nothing to order: every item is purchased or has a quantity of 0');
  }
  const orphans = open.filter((i) => !i.supplier_id);
  if (orphans.length) {
    throw new ValidationError(
      orphans.map((i) => ({
        field: `items.${i.id}.supplierId`,
        message: `${i.product_name} has no supplier: pick one first`,
        code: 'required',
      })),
      `Pick a supplier for ${orphans.map((i) => i.product_name).join(', ')} first`,
    );
  }
  const bySupplier = new Map<string, typeof open>();
  for (const i of open)
    bySupplier.set(i.supplier_id!, [...(bySupplier.get(i.supplier_id!) ?? []), i]);
  return bySupplier;
}

export function createConversion(deps: {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  createOrdersInTx: CreateOrdersInTx;
  takeOrderNumber: PurchasingService['takeOrderNumber'];
  lockList(db: Db, ctx: StoreContext, id: string): Promise<repo.StoredListRow>;
  view(db: Db, storeId: string, id: string): Promise<ShoppingList>;
  sources: ReorderSources;
}) {
  const { pool, write, timezoneOf, createOrdersInTx, takeOrderNumber, lockList, view } = deps;

  /** The list's open items onto purchase orders, in the caller's transaction (list locked). */
  async function orderInTx(
    tx: PoolClient,
    emit: Emit,
    ctx: StoreContext,
    list: repo.StoredListRow,
    numbers: readonly string[],
    today: string,
  ) {
    const { id } = list;
    const bySupplier = await openBySupplier(deps.sources, tx, ctx.storeId, id);
    // Expected after the supplier's lead time, the one the list and the plan said (none
    // when it is not known).
    const leadOf = await deps.sources.leadTimes(tx, ctx.storeId);
    const orders = [...bySupplier].map(([supplierId, items], n) => {
      const lead = leadOf(supplierId);
      return {
        supplierId,
        ...(numbers[n] ? { orderNumber: numbers[n] } : {}),
        ...(lead.source !== 'default' ? { expectedAt: addDays(today, lead.days) } : {}),
        notes: `From the reorder list "${list.name}"`,
        shoppingListId: id,
        // A product with no known cost is ordered at 0: set the price on the order.
        lines: items.map((i) => ({
          productId: i.product_id,
          quantity: i.quantity,
          unitCost: Number(i.estimated_unit_cost ?? 0),
        })),
      };
    });
    const created = await createOrdersInTx(tx, emit, ctx, orders);
    const purchaseOrders = created.map((order) => {
      const items = bySupplier.get(order.supplierId)!;
      const cents = items.reduce(
        (sum, i) => sum + i.quantity * Math.round(Number(i.estimated_unit_cost ?? 0) * 100),
        0,
      );
      return { ...order, total: cents / 100, itemIds: items.map((i) => i.id) };
    });
    for (const o of purchaseOrders) await repo.linkOrder(tx, ctx.storeId, id, o.itemIds, o.id);
    await repo.markOrdered(tx, ctx.storeId, id);
    await emit('shopping_list.updated', { shoppingListId: id, change: 'ordered' });
    return {
      purchaseOrders: purchaseOrders.map(({ itemIds: _, ...o }) => o),
      shoppingList: await view(tx, ctx.storeId, id),
    };
  }

  /**
   * The order numbers for `suppliers` orders, each in its own short statement before the
   * transaction, so the store's other orders do not wait on its counter until it commits.
   */
  async function numbersFor(storeId: string, suppliers: number) {
    const numbers: string[] = [];
    for (let n = 0; n < suppliers; n++) numbers.push(await takeOrderNumber(storeId));
    return numbers;
  }

  return {
    orderInTx,
    numbersFor,

    async convert(ctx: StoreContext, id: string) {
      const timezone = await timezoneOf(ctx);
      // A list that cannot be ordered takes no numbers; one changed in between takes the rest
      // inside (a gap is allowed).
      const first = await repo.findList(pool, ctx.storeId, id);
      const numbers =
        first?.status === 'draft'
          ? await numbersFor(
              ctx.storeId,
              (await openBySupplier(deps.sources, pool, ctx.storeId, id)).size,
            )
          : [];
      return write(ctx, async (tx, emit) => {
        const list = await lockList(tx, ctx, id);
        const today = todayIn(timezone);
        return orderInTx(tx, emit, ctx, list, numbers, today);
      });
    },
  };
}
