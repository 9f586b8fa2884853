import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { decodeCursor } from '../../core/cursor';
import { resolveDateRange } from '../../core/date-range';
import { InvalidStateError, NotFoundError } from '../../core/errors';
import { keysetPage } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import { costsAt, type CostEditsAround } from './cost-at';
import * as repo from './inventory.repo';
import { move, moveMany } from './ledger';
import * as past from './ledger-past.repo';
import {
  REVERSIBLE_REASONS,
  type AdjustmentInput,
  type CountInput,
  type MovementsQuery,
  type ReversalInput,
} from './inventory.schemas';

export type { LedgerChange } from './ledger';

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
 * same transaction. Sales and purchasing move stock through `moveMany` (any number of lines
 * in a fixed number of statements, ledger.ts), products, imports and reversals through
 * `move`, which is `moveMany` of one.
 */
export function createInventoryService({
  pool,
  write,
  timezoneOf,
  productView,
  costEditsAround,
}: Deps) {
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
    /** What `lockForSale` reads, without the lock: prices for a quote. */
    pricesForSale: (db: Db, storeId: string, productIds: string[]) =>
      repo.lockStock(db, storeId, productIds, false),

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
