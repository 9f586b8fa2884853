import type { Pool, PoolClient } from 'pg';
import { decodeCursor, keysetPage } from '../../http/cursor';
import { ON_HAND_MAX } from '../../core/limits';
import { AppError, NotFoundError, ValidationError } from '../../http/errors';
import { resolveDateRange } from '../../http/list-query';
import type { StoreContext } from '../../http/request-types';
import type { Db } from '../../db/pool';
import type { Emit, StoreWriter } from '../events/events.service';
import * as products from './products.repo';
import { toProduct } from './product-mapper';
import type { AdjustmentInput, CountInput, MovementsQuery } from './stock.schemas';
import * as repo from './stock.repo';

export type CommitHook = (tx: Db, data: unknown, status?: number) => Promise<void>;

export class InsufficientStockError extends AppError {
  constructor(details: Array<{ productId: string; requested: number; available: number }>) {
    super('INSUFFICIENT_STOCK', 'Not enough stock for this request', 409, { details });
  }
}

export function createStockService({
  pool,
  write,
  timezoneOf,
}: {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
}) {
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
      soldAt?: Date;
    } = {},
  ): Promise<repo.Movement> {
    const applied = await repo.applyDelta(tx, ctx.storeId, productId, delta, {
      sold: extra.soldAt,
    });
    if (!applied) {
      const row = await products.find(tx, ctx.storeId, productId);
      if (!row) throw new NotFoundError('Product');
      if (row.quantity + delta > ON_HAND_MAX) {
        throw new ValidationError([
          {
            field: 'delta',
            message: `would bring the stock to ${(row.quantity + delta).toLocaleString('en-US')} units; a product holds at most ${ON_HAND_MAX.toLocaleString('en-US')}`,
            code: 'too_big',
          },
        ]);
      }
      throw new InsufficientStockError([{ productId, requested: -delta, available: row.quantity }]);
    }
    const movement = await repo.insertMovement(tx, ctx.storeId, {
      productId,
      delta,
      reason,
      quantityAfter: applied.quantity,
      userId: ctx.userId,
      note: extra.note,
      referenceType: extra.referenceType,
      referenceId: extra.referenceId,
    });
    await emit('inventory.stock_updated', {
      productId,
      delta,
      reason,
      quantity: applied.quantity,
      movementId: movement.id,
    });
    const before = applied.quantity - delta;
    if (applied.quantity <= applied.reorderPoint && before > applied.reorderPoint) {
      await emit('alert.low_stock', {
        productId,
        quantity: applied.quantity,
        reorderPoint: applied.reorderPoint,
      });
    }
    return movement;
  }

  async function withProduct(tx: Db, ctx: StoreContext, id: string) {
    const row = await products.find(tx, ctx.storeId, id);
    if (!row) throw new NotFoundError('Product');
    return toProduct(row);
  }

  return {
    move,
    lockForSale: (tx: Db, storeId: string, productIds: string[]) =>
      repo.lockStock(tx, storeId, productIds),

    adjust(ctx: StoreContext, productId: string, input: AdjustmentInput, commit?: CommitHook) {
      return write(ctx.storeId, async (tx, emit) => {
        const movement = await move(tx, emit, ctx, productId, input.delta, input.reason, {
          note: input.note,
        });
        const result = { movement, product: await withProduct(tx, ctx, productId) };
        await commit?.(tx, result);
        return result;
      });
    },

    /** A shelf count: the difference to the books becomes one `count` movement. */
    count(ctx: StoreContext, productId: string, input: CountInput, commit?: CommitHook) {
      return write(ctx.storeId, async (tx, emit) => {
        const locked = await products.find(tx, ctx.storeId, productId, true);
        if (!locked) throw new NotFoundError('Product');
        const delta = input.countedQuantity - locked.quantity;
        const movement = delta
          ? await move(tx, emit, ctx, productId, delta, 'count', { note: input.note })
          : null;
        const result = { movement, product: await withProduct(tx, ctx, productId) };
        await commit?.(tx, result);
        return result;
      });
    },

    async movements(ctx: StoreContext, productId: string, q: MovementsQuery) {
      if (!(await products.find(pool, ctx.storeId, productId))) throw new NotFoundError('Product');
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const range = await resolveDateRange(pool, q, () => timezoneOf(ctx));
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

export type StockService = ReturnType<typeof createStockService>;
