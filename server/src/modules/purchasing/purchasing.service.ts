import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { decodeCursor } from '../../core/cursor';
import { resolveDateRange } from '../../core/date-range';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import { keysetPage } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import type { InventoryService } from '../inventory/inventory.service';
import type { ProductReads } from '../products/products.reads';
import type { StoreReads } from '../stores/stores.reads';
import type { SuppliersService } from '../suppliers/suppliers.service';
import { assertLines } from './order-lines';
import { createOnOrderFor } from './on-order-for';
import { canMove, refusal } from './order-status';
import { createOrderSending, type OrderSendingDeps } from './order-sending';
import { createOrderViews, type OrderViewDeps } from './order-views';
import * as repo from './purchase-orders.repo';
import type {
  CreateOrderInput,
  ListOrdersQuery,
  StatusInput,
  UpdateOrderInput,
} from './purchasing.schemas';
import { invoiceSettlement } from './invoice-settlement';
import { createReceiving } from './receiving';
import * as receiptsRepo from './receipts.repo';
import * as supplierItems from './supplier-items.repo';

type Ctx = Pick<StoreContext, 'storeId' | 'userId'>;

export interface NewOrder {
  supplierId: string;
  expectedAt?: string | null;
  notes?: string | null;
  shoppingListId?: string | null;
  /** Taken beforehand with `takeOrderNumber` (outside the caller's transaction), if wanted. */
  orderNumber?: string;
  lines: Array<{
    productId: string;
    quantity: number;
    unitCost: number;
    allowOverReceipt?: boolean;
  }>;
}

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

export function createPurchasingService(deps: {
  pool: Pool;
  write: StoreWriter;
  inventory: InventoryService;
  suppliers: Pick<SuppliersService, 'statusOf' | 'leadTimesOf'>;
  timezoneOf(ctx: Pick<StoreContext, 'storeId'>): Promise<string>;
  /** The store's time zone read in an open transaction (its year numbers the orders). */
  timezoneIn: StoreReads['timezoneIn'];
  /** The products module's: which products exist and are active. */
  productFacts: ProductReads['orderingFacts'];
  /** Names shown on orders and deliveries, from the modules that own them. */
  labels: OrderViewDeps;
  /** What an order's PDF and its mail need: see order-sending.ts. */
  sending: Pick<
    OrderSendingDeps,
    'mailer' | 'log' | 'storeProfile' | 'storeAddress' | 'supplierContact'
  >;
}) {
  const { pool, write, suppliers, timezoneOf, productFacts } = deps;
  const views = createOrderViews(deps.labels);
  const receiving = createReceiving({
    pool,
    write,
    inventory: deps.inventory,
    productFacts,
    orderViews: views,
  });

  /** The store's next order number, taken in `db` (see repo.nextOrderNumber). */
  const nextOrderNumber = async (db: Db, storeId: string) =>
    repo.nextOrderNumber(db, storeId, (await deps.timezoneIn(db, storeId)) ?? 'UTC');

  async function assertSupplier(db: Db, storeId: string, supplierId: string, field: string) {
    const status = await suppliers.statusOf(db, storeId, supplierId);
    const problem = !status
      ? { message: 'no such supplier in this store', code: 'not_found' }
      : status === 'inactive' || status === 'on-hold'
        ? { message: `is ${status}: change its status to order from it`, code: 'inactive' }
        : undefined;
    if (problem) throw new ValidationError([{ field, ...problem }]);
  }

  /** One order in the caller's transaction, with a number taken beforehand. */
  async function insertOne(
    tx: PoolClient,
    emit: Emit,
    ctx: Ctx,
    order: NewOrder,
    orderNumber: string,
    at = '',
  ) {
    await assertSupplier(tx, ctx.storeId, order.supplierId, `${at}supplierId`);
    await assertLines(productFacts, tx, ctx.storeId, order.lines, at);
    const id = await repo.insertOrder(tx, ctx.storeId, {
      orderNumber,
      supplierId: order.supplierId,
      expectedAt: order.expectedAt ?? null,
      notes: order.notes ?? null,
      shoppingListId: order.shoppingListId ?? null,
      userId: ctx.userId,
      lines: order.lines,
    });
    await supplierItems.recordOrdered(tx, ctx.storeId, order.supplierId, order.lines);
    await emit('purchase_order.updated', {
      purchaseOrderId: id,
      orderNumber,
      status: 'pending',
      change: 'created',
    });
    return { id, orderNumber, supplierId: order.supplierId };
  }

  async function get(ctx: Pick<StoreContext, 'storeId'>, id: string, db: Db = pool) {
    const order = await views.find(db, ctx.storeId, id);
    if (!order) throw new NotFoundError('Purchase order');
    return order;
  }

  async function lockPending(tx: PoolClient, ctx: Ctx, id: string, doing: string) {
    const order = await repo.lock(tx, ctx.storeId, id);
    if (!order) throw new NotFoundError('Purchase order');
    if (order.status !== 'pending') {
      throw new InvalidStateError(
        `${order.orderNumber} is ${order.status}: only a pending order can be ${doing}${
          order.status === 'completed' || order.status === 'cancelled' ? '' : '; cancel it instead'
        }`,
      );
    }
    return order;
  }

  const onOrderFor = createOnOrderFor({ timezoneOf, suppliers });
  const sending = createOrderSending({ pool, write, get, ...deps.sending });

  return {
    ...receiving,
    ...invoiceSettlement,
    ...sending,
    get,
    onOrderFor,

    /**
     * The store's next order number, in its own statement on the pool: for a caller that wants
     * its numbers before it opens the transaction it passes them to `createOrdersInTx` in.
     */
    takeOrderNumber: (storeId: string) => nextOrderNumber(pool, storeId),

    /**
     * Orders from another module's transaction (a shopping list's conversion), one per entry.
     * An entry without an `orderNumber` takes its number in that transaction: it already holds
     * a connection, and waiting for a second one from the pool could starve it; the counter row
     * then stays locked until that transaction commits, so other orders of the store wait that
     * long. A caller that minds takes its numbers first with `takeOrderNumber`.
     */
    async createOrdersInTx(
      tx: PoolClient,
      emit: Emit,
      ctx: Ctx,
      orders: NewOrder[],
    ): Promise<Array<{ id: string; orderNumber: string; supplierId: string }>> {
      const created = [];
      for (const [i, order] of orders.entries()) {
        const number = order.orderNumber ?? (await nextOrderNumber(tx, ctx.storeId));
        created.push(await insertOne(tx, emit, ctx, order, number, `orders.${i}.`));
      }
      return created;
    },

    async create(ctx: StoreContext, input: CreateOrderInput) {
      // Before the transaction, in its own statement: see repo.nextOrderNumber.
      const number = await nextOrderNumber(pool, ctx.storeId);
      return write(ctx, async (tx, emit) => {
        const { id } = await insertOne(tx, emit, ctx, input, number);
        return get(ctx, id, tx);
      });
    },

    async list(ctx: StoreContext, q: ListOrdersQuery) {
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const range = await resolveDateRange(q, () => timezoneOf(ctx));
      const { items, total } = await views.list(
        pool,
        ctx.storeId,
        { ...q, ...range },
        after && { createdAt: String(after[0]), id: String(after[1]) },
      );
      const { page, pagination } = keysetPage(items, q, total, (last) => [last.key, last.order.id]);
      return { items: page.map((i) => i.order), pagination };
    },

    update(ctx: StoreContext, id: string, input: UpdateOrderInput) {
      return write(ctx, async (tx, emit) => {
        const order = await lockPending(tx, ctx, id, 'edited');
        if (input.lines) {
          await assertLines(productFacts, tx, ctx.storeId, input.lines);
          await repo.replaceLines(tx, ctx.storeId, id, input.lines);
          await supplierItems.recordOrdered(tx, ctx.storeId, order.supplierId, input.lines);
        }
        await repo.updateHeader(tx, ctx.storeId, id, input);
        await emit('purchase_order.updated', {
          purchaseOrderId: id,
          orderNumber: order.orderNumber,
          status: order.status,
          change: 'edited',
        });
        return get(ctx, id, tx);
      });
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        const order = await lockPending(tx, ctx, id, 'deleted');
        await repo.remove(tx, ctx.storeId, id);
        await emit('purchase_order.updated', {
          purchaseOrderId: id,
          orderNumber: order.orderNumber,
          status: order.status,
          change: 'deleted',
        });
      });
    },

    /**
     * Moves an order along its states (order-status.ts). Cancelling a partly received order
     * closes it: what was received stays in stock, the rest is no longer expected.
     */
    setStatus(ctx: StoreContext, id: string, input: StatusInput) {
      return write(ctx, async (tx, emit) => {
        const order = await repo.lock(tx, ctx.storeId, id);
        if (!order) throw new NotFoundError('Purchase order');
        if (!canMove(order.status, input.status)) {
          throw new InvalidStateError(refusal(order.orderNumber, order.status, input.status));
        }
        if (input.status === 'completed') {
          const lines = await receiptsRepo.linesOf(tx, ctx.storeId, id);
          const open = lines.reduce((n, l) => n + Math.max(0, l.quantity - l.receivedQuantity), 0);
          if (open) {
            throw new InvalidStateError(
              `${order.orderNumber} has ${plural(open, 'unit')} still open: receive them or cancel the rest`,
            );
          }
        }
        await repo.setStatus(tx, ctx.storeId, id, input.status, input.reason ?? null);
        await emit('purchase_order.updated', {
          purchaseOrderId: id,
          orderNumber: order.orderNumber,
          status: input.status,
          change: 'status',
        });
        return get(ctx, id, tx);
      });
    },
  };
}

export type PurchasingService = ReturnType<typeof createPurchasingService>;
