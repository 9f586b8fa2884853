import type { Pool } from 'pg';
import type { StoreContext } from '../../../core/context';
import { InvalidStateError, NotFoundError, ValidationError } from '../../../core/errors';
import { pageOf } from '../../../core/paging';
import type { Db } from '../../../db/pool';
import type { StoreWriter } from '../../events/events.service';
import * as repo from '../inventory.repo';
import { moveMany, type LedgerChange } from '../ledger';
import * as past from '../ledger-past.repo';
import * as countLines from './count-lines.repo';
import * as counts from './count-sessions.repo';
import { reviewOf, viewOf } from './count-session-views';
import type { ListQuery, RecordInput, StartInput } from './count-sessions.schemas';
import { renderCountSheet } from './count-sheet';

/** The most products one count takes: what a phone lists and a sheet prints (2,000 lines: ~2 s). */
export const MAX_COUNT_LINES = 5_000;

interface Deps {
  pool: Pool;
  write: StoreWriter;
  /** The category's name, or undefined when the store has no such category. */
  categoryName(db: Db, storeId: string, id: string): Promise<string | undefined>;
  storeName(storeId: string): Promise<string | undefined>;
}

/**
 * Count sessions: a count of a category, an aisle or the whole store, counted line by line and
 * posted as one set of `count` movements (the ledger's `moveMany`) in one transaction.
 */
export function createCountSessions({ pool, write, categoryName, storeName }: Deps) {
  async function openSession(db: Db, ctx: StoreContext, id: string) {
    const session = await counts.findSession(db, ctx.storeId, id, true);
    if (!session) throw new NotFoundError('Count session');
    if (session.status !== 'open')
      throw new InvalidStateError(`This count has been ${session.status} already`);
    return session;
  }

  async function found(db: Db, ctx: StoreContext, id: string) {
    const session = await counts.findSession(db, ctx.storeId, id);
    if (!session) throw new NotFoundError('Count session');
    return session;
  }

  return {
    async list(ctx: StoreContext, q: ListQuery) {
      const { items, total } = await counts.listSessions(pool, ctx.storeId, {
        status: q.status,
        limit: q.limit,
        offset: (q.page - 1) * q.limit,
      });
      return { items, pagination: pageOf(q.page, q.limit, total) };
    },

    aisles: (ctx: StoreContext) => counts.aislesOf(pool, ctx.storeId),

    start(ctx: StoreContext, input: StartInput) {
      return write(ctx, async (tx) => {
        let label = 'Whole store';
        if (input.scope === 'category') {
          const name = await categoryName(tx, ctx.storeId, input.categoryId!);
          if (name === undefined)
            throw new ValidationError([
              {
                field: 'categoryId',
                message: 'is not a category of this store',
                code: 'not_found',
              },
            ]);
          label = `Category ${name}`;
        } else if (input.scope === 'aisle') label = `Aisle ${input.aisle}`;
        const id = await counts.insertSession(tx, ctx.storeId, {
          scope: input.scope,
          categoryId: input.categoryId ?? null,
          aisle: input.aisle ?? null,
          scopeLabel: label,
          blind: input.blind,
          note: input.note ?? null,
          userId: ctx.userId,
        });
        const { taken, skipped } = await counts.addScopeLines(tx, ctx.storeId, id, {
          categoryId: input.categoryId ?? null,
          aisle: input.aisle ?? null,
        });
        if (taken > MAX_COUNT_LINES) {
          throw new ValidationError([
            {
              field: 'scope',
              message: `has ${taken.toLocaleString('en-US')} products; a count takes at most ${MAX_COUNT_LINES.toLocaleString('en-US')} (a phone's list and a printable sheet): count by aisle or category`,
              code: 'too_big',
            },
          ]);
        }
        if (taken === 0) {
          throw new ValidationError([
            {
              field:
                input.scope === 'store'
                  ? 'scope'
                  : input.scope === 'aisle'
                    ? 'aisle'
                    : 'categoryId',
              message: skipped
                ? `has nothing left to count: its ${skipped} product(s) are in another open count (post or cancel it first)`
                : 'has no active product to count',
              code: 'empty',
            },
          ]);
        }
        return viewOf(
          (await counts.findSession(tx, ctx.storeId, id))!,
          await countLines.linesOf(tx, ctx.storeId, id),
        );
      });
    },

    async get(ctx: StoreContext, id: string) {
      const session = await found(pool, ctx, id);
      return viewOf(session, await countLines.linesOf(pool, ctx.storeId, id));
    },

    /** The differences as they would post now (open) or as they posted. */
    async review(ctx: StoreContext, id: string) {
      const session = await found(pool, ctx, id);
      const lines = await countLines.linesOf(pool, ctx.storeId, id);
      const since =
        session.status === 'open'
          ? await countLines.movedSinceCounted(pool, ctx.storeId, id)
          : new Map();
      return reviewOf(session, lines, since);
    },

    record(ctx: StoreContext, id: string, input: RecordInput) {
      return write(ctx, async (tx) => {
        const session = await openSession(tx, ctx, id);
        const productId = await countLines.findLine(tx, ctx.storeId, id, input);
        if (!productId) {
          throw new ValidationError([
            input.barcode !== undefined
              ? {
                  field: 'barcode',
                  message: `no product of this count has barcode ${input.barcode}`,
                  code: 'not_in_count',
                }
              : {
                  field: 'productId',
                  message: 'is not a product of this count',
                  code: 'not_in_count',
                },
          ]);
        }
        await countLines.recordCount(
          tx,
          ctx.storeId,
          id,
          productId,
          input.countedQuantity,
          ctx.userId,
        );
        const view = viewOf(session, await countLines.linesOf(tx, ctx.storeId, id));
        return view.lines.find((l) => l.productId === productId)!;
      });
    },

    /**
     * Each counted line's difference to the stock at the moment it was counted (the stock now
     * less what moved since), as `count` movements in one transaction; lines not counted stay
     * as they are. A line whose movements since would take the stock below zero (more sold
     * since than was counted) is brought to zero. Every counted line is kept as a shelf count
     * (stock_counts) at its time, so a sale rung up before it and sent later is known to be in it.
     */
    post(ctx: StoreContext, id: string) {
      return write(ctx, async (tx, emit) => {
        const session = await openSession(tx, ctx, id);
        const lines = (await countLines.linesOf(tx, ctx.storeId, id)).filter((l) => l.countedAt);
        const locked = await repo.lockStock(
          tx,
          ctx.storeId,
          lines.map((l) => l.productId),
        );
        const since = await countLines.movedSinceCounted(tx, ctx.storeId, id);
        const posted = lines.map((l) => {
          const now = locked.get(l.productId)!.quantity;
          const stockAtCount = now - (since.get(l.productId) ?? 0);
          const delta = Math.max(l.countedQuantity! - stockAtCount, -now);
          return { line: l, now, stockAtCount, delta };
        });
        const changes: LedgerChange[] = posted
          .filter((p) => p.delta !== 0)
          .map((p) => ({ productId: p.line.productId, delta: p.delta }));
        const movements = await moveMany(tx, emit, ctx, changes, 'count', {
          note: `Count: ${session.scopeLabel}`,
          referenceType: 'count_session',
          referenceId: id,
          locked: true,
        });
        const movementOf = new Map(movements.map((m) => [m.productId, m]));
        for (const p of posted) {
          const m = movementOf.get(p.line.productId);
          const cost = locked.get(p.line.productId)!.cost;
          await past.insertCount(tx, ctx.storeId, {
            productId: p.line.productId,
            counted: p.line.countedQuantity!,
            books: Math.max(p.stockAtCount, 0),
            unitCost: m ? m.unitCost : cost === null ? null : Number(cost),
            movementId: m?.id ?? null,
            userId: p.line.countedBy,
            countedAt: p.line.countedAt!,
          });
        }
        await countLines.markPosted(
          tx,
          ctx.storeId,
          id,
          posted.map((p) => ({
            productId: p.line.productId,
            stockAtCount: p.stockAtCount,
            delta: p.delta,
            movementId: movementOf.get(p.line.productId)?.id ?? null,
          })),
        );
        await counts.closeSession(tx, ctx.storeId, id, 'posted', ctx.userId);
        return reviewOf(
          (await counts.findSession(tx, ctx.storeId, id))!,
          await countLines.linesOf(tx, ctx.storeId, id),
          new Map(),
        );
      });
    },

    cancel(ctx: StoreContext, id: string) {
      return write(ctx, async (tx) => {
        await openSession(tx, ctx, id);
        await counts.closeSession(tx, ctx.storeId, id, 'cancelled', ctx.userId);
        return viewOf(
          (await counts.findSession(tx, ctx.storeId, id))!,
          await countLines.linesOf(tx, ctx.storeId, id),
        );
      });
    },

    /** The printable count sheet (PDF, in a worker thread) or its CSV, in walking order. */
    async sheet(ctx: StoreContext, id: string, format: 'pdf' | 'csv') {
      const session = await found(pool, ctx, id);
      const view = viewOf(session, await countLines.linesOf(pool, ctx.storeId, id));
      return renderCountSheet(view, format, (await storeName(ctx.storeId)) ?? 'Store');
    },
  };
}

export type CountSessions = ReturnType<typeof createCountSessions>;
