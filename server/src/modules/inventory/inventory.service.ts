import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { decodeCursor } from '../../core/cursor';
import { resolveDateRange } from '../../core/date-range';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import { ON_HAND_MAX } from '../../core/limits';
import { keysetPage } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import { costsAt, type CostEditsAround } from './cost-at';
import { InsufficientStockError } from './inventory.errors';
import * as repo from './inventory.repo';
import * as past from './ledger-past.repo';
import {
  REVERSIBLE_REASONS,
  type AdjustmentInput,
  type CountInput,
  type MovementsQuery,
  type ReversalInput,
} from './inventory.schemas';

interface Deps {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  /** The product as the API shows it (the products module's view), read in `db`. */
  productView(db: Db, storeId: string, productId: string): Promise<unknown>;
  /** A product's cost edits around a moment (the products module's history), for `asOf`. */
  costEditsAround: CostEditsAround;
}

/**
 * The stock ledger: the only way on-hand quantities change (the `quantity` and
 * `last_sold_at` columns of products are this module's), each change a movement row in the
 * same transaction. Products, sales, imports and purchasing receive stock through `move`.
 */
export function createInventoryService({
  pool,
  write,
  timezoneOf,
  productView,
  costEditsAround,
}: Deps) {
  /**
   * One ledger entry: the conditional quantity change and its movement row, in the caller's
   * transaction, plus the events that announce it once committed.
   */
  async function move(
    tx: PoolClient,
    emit: Emit,
    ctx: Pick<StoreContext, 'storeId' | 'userId'>,
    productId: string,
    delta: number,
    reason: repo.MovementReason,
    extra: {
      note?: string | null;
      referenceType?: string;
      referenceId?: string;
      /** A sale's time: the movement is dated then too (a till sending a sale it kept offline). */
      soldAt?: Date;
      /** When it happened, if not now and not a sale (a count correction: its count's time). */
      at?: string;
      /** The cost in force when it happened, for a movement dated in the past (see `asOf`). */
      unitCost?: number | null;
    } = {},
  ): Promise<repo.Movement> {
    const applied = await repo.applyDelta(tx, ctx.storeId, productId, delta, {
      sold: extra.soldAt,
    });
    if (!applied) return refusal(tx, ctx.storeId, productId, delta);
    const movement = await repo.insertMovement(tx, ctx.storeId, {
      productId,
      delta,
      reason,
      quantityAfter: applied.quantity,
      // Nothing is received at a cost here, so the product's cost is the one in force.
      unitCost: extra.unitCost !== undefined ? extra.unitCost : applied.cost,
      userId: ctx.userId,
      note: extra.note,
      referenceType: extra.referenceType,
      referenceId: extra.referenceId,
      at: extra.soldAt ?? extra.at,
    });
    await announce(emit, movement, applied);
    return movement;
  }

  /** Why a change matched no row: no such product, too much stock, or too little. */
  async function refusal(
    tx: Db,
    storeId: string,
    productId: string,
    delta: number,
  ): Promise<never> {
    const onHand = await repo.stockOf(tx, storeId, productId);
    if (onHand === undefined) throw new NotFoundError('Product');
    if (onHand + delta > ON_HAND_MAX) {
      throw new ValidationError([
        {
          field: 'delta',
          message: `would bring the stock to ${(onHand + delta).toLocaleString('en-US')} units; a product holds at most ${ON_HAND_MAX.toLocaleString('en-US')}`,
          code: 'too_big',
        },
      ]);
    }
    throw new InsufficientStockError([{ productId, requested: -delta, available: onHand }]);
  }

  async function announce(
    emit: Emit,
    movement: repo.Movement,
    applied: { quantity: number; reorderPoint: number },
  ) {
    await emit('inventory.stock_updated', {
      productId: movement.productId,
      delta: movement.delta,
      reason: movement.reason,
      quantity: applied.quantity,
      movementId: movement.id,
    });
    const before = applied.quantity - movement.delta;
    if (applied.quantity <= applied.reorderPoint && before > applied.reorderPoint) {
      await emit('alert.low_stock', {
        productId: movement.productId,
        quantity: applied.quantity,
        reorderPoint: applied.reorderPoint,
      });
    }
  }

  /**
   * `move` for many products at once (each product once, one reason and reference): the same
   * ledger entries and events in a fixed number of statements, for deliveries of hundreds of
   * lines. Products are locked in id order first, as sales lock them.
   *
   * A change with a `unitCost` is goods received at that cost: its movement records that cost
   * and the product's cost becomes the moving average (repo.applyDeltas); any other movement
   * records the product's cost in force.
   */
  async function moveMany(
    tx: PoolClient,
    emit: Emit,
    ctx: Pick<StoreContext, 'storeId' | 'userId'>,
    changes: Array<{ productId: string; delta: number; unitCost?: number }>,
    reason: repo.MovementReason,
    extra: { note?: string | null; referenceType?: string; referenceId?: string } = {},
  ): Promise<repo.Movement[]> {
    if (changes.length === 0) return [];
    const sorted = [...changes].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    const before = await repo.lockStock(
      tx,
      ctx.storeId,
      sorted.map((c) => c.productId),
    );
    const applied = await repo.applyDeltas(tx, ctx.storeId, sorted);
    const refused = sorted.find((c) => !applied.has(c.productId));
    if (refused) return refusal(tx, ctx.storeId, refused.productId, refused.delta);
    const movements = await repo.insertMovements(
      tx,
      ctx.storeId,
      { reason, userId: ctx.userId, ...extra },
      sorted.map((c) => {
        const after = applied.get(c.productId)!;
        return {
          productId: c.productId,
          delta: c.delta,
          quantityAfter: after.quantity,
          unitCost: c.unitCost ?? after.cost,
        };
      }),
    );
    for (const m of movements) {
      const after = applied.get(m.productId)!;
      await announce(emit, m, after);
      const old = before.get(m.productId)?.cost ?? null;
      if ((old === null ? null : Number(old)) !== after.cost)
        await emit('product.updated', { productId: m.productId, fields: ['cost'] });
    }
    return movements;
  }

  /** A stock change answers with the movement and the product as it now stands. */
  const changed = async (
    tx: Db,
    ctx: StoreContext,
    id: string,
    movement: repo.Movement | null,
  ) => ({
    movement,
    product: await productView(tx, ctx.storeId, id),
  });

  return {
    move,
    moveMany,
    lockForSale: (tx: Db, storeId: string, productIds: string[]) =>
      repo.lockStock(tx, storeId, productIds),

    /**
     * What the ledger says of a moment already past, per product (locked by the caller): the
     * first shelf count made since, which took in whatever happened to the shelf before it,
     * and the unit cost in force then (cost-at.ts).
     */
    async asOf(
      tx: PoolClient,
      storeId: string,
      costsNow: Map<string, number | null>,
      at: Date,
    ): Promise<Map<string, { cost: number | null; countedSince?: past.CountSince }>> {
      const counts = await past.firstCountsAfter(tx, storeId, [...costsNow.keys()], at);
      const costs = await costsAt(tx, storeId, costsNow, at, costEditsAround);
      return new Map(
        [...costsNow.keys()].map((id) => [
          id,
          { cost: costs.get(id)!, countedSince: counts.get(id) },
        ]),
      );
    },

    /** Per product (locked by the caller), the first shelf count made after `at`. */
    countsSince: (tx: PoolClient, storeId: string, productIds: readonly string[], at: Date) =>
      past.firstCountsAfter(tx, storeId, productIds, at),
    /** The store day each product's stock history starts (its first movement), for forecasts. */
    firstMovementDays: (db: Db, storeId: string, timezone: string, productIds: readonly string[]) =>
      repo.firstMovementDays(db, storeId, timezone, productIds),
    /** The store day stock last came in per product: how long a delivery keeps, with its expiry. */
    lastStockInDays: (db: Db, storeId: string, timezone: string, productIds: readonly string[]) =>
      repo.lastStockInDays(db, storeId, timezone, productIds),

    adjust(ctx: StoreContext, productId: string, input: AdjustmentInput) {
      return write(ctx, async (tx, emit) => {
        const movement = await move(tx, emit, ctx, productId, input.delta, input.reason, {
          note: input.note,
        });
        return changed(tx, ctx, productId, movement);
      });
    },

    /**
     * Undoes a hand-made adjustment with its mirror image: a new movement of the opposite delta
     * and the same reason, referring to the original (`referenceType: 'movement'`). Nothing is
     * deleted, and per-reason sums (waste: damaged + expired + spoiled) net out. Only once per
     * adjustment, and not after a stock count: the count has set the quantity since.
     */
    reverse(ctx: StoreContext, productId: string, movementId: string, input: ReversalInput) {
      return write(ctx, async (tx, emit) => {
        const original = await repo.lockMovement(tx, ctx.storeId, productId, movementId);
        if (!original) throw new NotFoundError('Stock movement');
        const byHand = (REVERSIBLE_REASONS as readonly string[]).includes(original.reason);
        if (!byHand || original.referenceType !== null) {
          throw new InvalidStateError(
            original.reason === 'sale'
              ? 'A sale is not undone here: its movements belong to the sale'
              : `Only a stock adjustment can be reversed, not a ${original.reason.replace('_', ' ')} movement`,
          );
        }
        const after = await repo.since(tx, ctx.storeId, productId, original);
        if (after.reversed)
          throw new InvalidStateError('This adjustment has already been reversed');
        if (after.counted) {
          throw new InvalidStateError(
            'A stock count has been recorded since this adjustment; adjust the stock instead',
          );
        }
        const movement = await move(tx, emit, ctx, productId, -original.delta, original.reason, {
          note: input.note ?? original.note,
          referenceType: 'movement',
          referenceId: original.id,
        });
        return changed(tx, ctx, productId, movement);
      });
    },

    /**
     * A shelf count: the difference to the books becomes one `count` movement, and the count is
     * kept (stock_counts) even when it matched them: a sale rung up before it and sent after it
     * was already reflected by it (sales/counted-sales.ts).
     */
    count(ctx: StoreContext, productId: string, input: CountInput) {
      return write(ctx, async (tx, emit) => {
        const locked = (await repo.lockStock(tx, ctx.storeId, [productId])).get(productId);
        if (!locked) throw new NotFoundError('Product');
        const delta = input.countedQuantity - locked.quantity;
        const movement = delta
          ? await move(tx, emit, ctx, productId, delta, 'count', { note: input.note })
          : null;
        await past.insertCount(tx, ctx.storeId, {
          productId,
          counted: input.countedQuantity,
          books: locked.quantity,
          unitCost: movement
            ? movement.unitCost
            : locked.cost === null
              ? null
              : Number(locked.cost),
          movementId: movement?.id ?? null,
          userId: ctx.userId,
        });
        return changed(tx, ctx, productId, movement);
      });
    },

    async movements(ctx: StoreContext, productId: string, q: MovementsQuery) {
      if ((await repo.stockOf(pool, ctx.storeId, productId)) === undefined)
        throw new NotFoundError('Product');
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const range = await resolveDateRange(q, () => timezoneOf(ctx));
      const { items, total } = await repo.listMovements(
        pool,
        ctx.storeId,
        productId,
        { ...q, ...range, offset: (q.page - 1) * q.limit },
        after && { createdAt: String(after[0]), id: String(after[1]) },
      );
      const { page, pagination } = keysetPage(items, q, total, (last) => [last.cursorKey, last.id]);
      return { items: page.map(({ cursorKey: _k, ...m }) => m), pagination };
    },
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
