import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import {
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../../core/errors';
import type { Emit } from '../../core/events';
import { pageOf } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import type { InventoryService } from '../inventory/inventory.service';
import type { ProductReads } from '../products/products.reads';
import type { StoreReads } from '../stores/stores.reads';
import * as repo from './transfers.repo';
import type {
  CreateTransferInput,
  ListTransfersQuery,
  ReceiveTransferInput,
} from './transfers.schemas';
import { receiveProblems } from './receive-check';
import { toSummary, toTransfer } from './transfer-view';

export interface TransfersDeps {
  pool: Pool;
  write: StoreWriter;
  inventory: Pick<InventoryService, 'moveMany'>;
  products: Pick<ProductReads, 'labelsOf' | 'bySkus'>;
  stores: Pick<StoreReads, 'membershipsOfUser' | 'profileIn'>;
}

const REFERENCE = 'stock_transfer';

/**
 * Stock transfers between two stores of the same people. A transfer is written in the store
 * it leaves (a draft), sent from there (its units leave that store's ledger as `transfer_out`
 * and are in transit), and received in the other store (the units counted come in as
 * `transfer_in`; a shortfall stays recorded on its line) or cancelled by the sender (a sent
 * transfer's units come back as `transfer_in`). Each step is one change through the store
 * writer, announced to both stores.
 */
export function createTransfersService({
  pool,
  write,
  inventory,
  products,
  stores,
}: TransfersDeps) {
  /** The other store, if the caller (a person, not an API key) is a member there. */
  async function otherStore(ctx: StoreContext, db: Db, storeId: string) {
    if (ctx.apiKey) return undefined;
    const mine = await stores.membershipsOfUser(db, ctx.userId);
    return mine.find((m) => m.storeId === storeId);
  }

  async function view(
    db: Db,
    ctx: StoreContext,
    t: NonNullable<Awaited<ReturnType<typeof repo.findTransfer>>>,
  ) {
    const [from, to] = [
      await stores.profileIn(db, t.store_id),
      await stores.profileIn(db, t.to_store_id),
    ];
    return toTransfer(ctx.storeId, t, await repo.linesOf(db, t.id), {
      from: from?.name ?? '',
      to: to?.name ?? '',
    });
  }

  /** Locks the transfer for a change in `ctx`'s store, in the role that store plays in it. */
  async function lockAs(tx: PoolClient, ctx: StoreContext, id: string, side: 'from' | 'to') {
    const t = await repo.findTransfer(tx, ctx.storeId, id, true);
    if (!t) throw new NotFoundError('Transfer');
    const mine = side === 'from' ? t.store_id : t.to_store_id;
    if (mine !== ctx.storeId) {
      throw new ForbiddenError(
        side === 'from'
          ? 'Only the store the transfer leaves can send or cancel it'
          : 'Only the store the transfer goes to can receive it',
      );
    }
    return t;
  }

  const announce = async (
    emitIn: (storeId: string) => Emit,
    t: { id: string; store_id: string; to_store_id: string },
    status: 'draft' | 'sent' | 'received' | 'cancelled',
    change: 'created' | 'sent' | 'received' | 'cancelled',
    too: boolean,
  ) => {
    const payload = {
      transferId: t.id,
      fromStoreId: t.store_id,
      toStoreId: t.to_store_id,
      status,
      change,
    };
    await emitIn(t.store_id)('transfer.updated', payload);
    if (too) await emitIn(t.to_store_id)('transfer.updated', payload);
  };

  return {
    create(ctx: StoreContext, input: CreateTransferInput) {
      return write(ctx, async (tx, _emit, emitIn) => {
        if (input.toStoreId === ctx.storeId) {
          throw new ValidationError([
            { field: 'toStoreId', message: 'must be another store than this one', code: 'custom' },
          ]);
        }
        if (!(await otherStore(ctx, tx, input.toStoreId))) throw new NotFoundError('Store');
        const found = await products.labelsOf(
          tx,
          ctx.storeId,
          input.lines.map((l) => l.productId),
        );
        const details = input.lines.flatMap((l, i) =>
          found.has(l.productId)
            ? []
            : [
                {
                  field: `lines.${i}.productId`,
                  message: 'is not a product of this store',
                  code: 'custom',
                },
              ],
        );
        if (details.length) throw new ValidationError(details);
        const id = await repo.insertTransfer(tx, ctx.storeId, {
          toStoreId: input.toStoreId,
          note: input.note ?? null,
          userId: ctx.userId,
        });
        await repo.insertLines(
          tx,
          ctx.storeId,
          id,
          input.lines.map((l) => ({ ...l, ...found.get(l.productId)! })),
        );
        const t = (await repo.findTransfer(tx, ctx.storeId, id))!;
        await announce(emitIn, t, 'draft', 'created', false);
        return view(tx, ctx, t);
      });
    },

    /**
     * Sends a draft: every line's SKU must name a product in the other store (else 400 naming
     * the missing SKUs) and every unit must be on hand here (else 409 INSUFFICIENT_STOCK, from
     * the ledger's conditional update: two sends of the last units cannot both pass).
     */
    send(ctx: StoreContext, id: string) {
      return write(ctx, async (tx, emit, emitIn) => {
        const t = await lockAs(tx, ctx, id, 'from');
        if (t.status !== 'draft')
          throw new InvalidStateError(`This transfer is ${t.status}; only a draft can be sent`);
        if (!(await otherStore(ctx, tx, t.to_store_id))) throw new NotFoundError('Store');
        const lines = await repo.linesOf(tx, t.id);
        const gone = lines.filter((l) => l.product_id === null);
        if (gone.length) {
          throw new InvalidStateError(
            `Deleted since the transfer was written: ${gone.map((l) => l.sku).join(', ')}; cancel it and write a new one`,
          );
        }
        const there = await products.bySkus(
          tx,
          t.to_store_id,
          lines.map((l) => l.sku),
        );
        const missing = lines.filter((l) => !there.has(l.sku.toLowerCase()));
        if (missing.length) {
          const to = await stores.profileIn(tx, t.to_store_id);
          throw new ValidationError(
            missing.map((l) => ({
              field: `lines.${l.line_no - 1}.sku`,
              message: `${l.sku} is not a SKU of ${to?.name ?? 'the other store'}`,
              code: 'not_in_destination',
            })),
            `Not in ${to?.name ?? 'the other store'}: ${missing.map((l) => l.sku).join(', ')}. Add these products there (same SKU) first`,
          );
        }
        const movements = await inventory.moveMany(
          tx,
          emit,
          ctx,
          lines.map((l) => ({ productId: l.product_id!, delta: -l.quantity })),
          'transfer_out',
          { referenceType: REFERENCE, referenceId: t.id },
        );
        const cost = new Map(movements.map((m) => [m.productId, m.unitCost]));
        await repo.markSent(
          tx,
          t.id,
          ctx.userId,
          lines.map((l) => ({
            id: l.id,
            toProductId: there.get(l.sku.toLowerCase())!.id,
            unitCost: cost.get(l.product_id!) ?? null,
          })),
        );
        const sent = (await repo.findTransfer(tx, ctx.storeId, t.id))!;
        await announce(emitIn, sent, 'sent', 'sent', true);
        return view(tx, ctx, sent);
      });
    },

    /**
     * Receives a sent transfer in the store it goes to, with the units counted per line (every
     * line, 0 to what was sent): they come in as `transfer_in` at the cost they left at; what
     * did not arrive stays recorded as the line's difference.
     */
    receive(ctx: StoreContext, id: string, input: ReceiveTransferInput) {
      return write(ctx, async (tx, emit, emitIn) => {
        const t = await lockAs(tx, ctx, id, 'to');
        if (t.status !== 'sent')
          throw new InvalidStateError(
            `This transfer is ${t.status}; only a sent one can be received`,
          );
        const lines = await repo.linesOf(tx, t.id);
        const counted = new Map(input.lines.map((l) => [l.lineId, l.receivedQuantity]));
        const details = receiveProblems(lines, input, counted);
        if (details.length) throw new ValidationError(details);
        await inventory.moveMany(
          tx,
          emit,
          ctx,
          lines
            .filter((l) => counted.get(l.id)! > 0)
            .map((l) => ({
              productId: l.to_product_id!,
              delta: counted.get(l.id)!,
              ...(l.unit_cost !== null ? { unitCost: Number(l.unit_cost) } : {}),
            })),
          'transfer_in',
          { referenceType: REFERENCE, referenceId: t.id },
        );
        await repo.markReceived(
          tx,
          t.id,
          ctx.userId,
          input.note ?? null,
          lines.map((l) => ({ id: l.id, receivedQuantity: counted.get(l.id)! })),
        );
        const done = (await repo.findTransfer(tx, ctx.storeId, t.id))!;
        await announce(emitIn, done, 'received', 'received', true);
        return view(tx, ctx, done);
      });
    },

    /** Cancels a draft, or a sent transfer not yet received: its units come back here. */
    cancel(ctx: StoreContext, id: string) {
      return write(ctx, async (tx, emit, emitIn) => {
        const t = await lockAs(tx, ctx, id, 'from');
        if (t.status !== 'draft' && t.status !== 'sent')
          throw new InvalidStateError(
            `This transfer is ${t.status}; it can no longer be cancelled`,
          );
        if (t.status === 'sent') {
          const lines = (await repo.linesOf(tx, t.id)).filter((l) => l.product_id !== null);
          await inventory.moveMany(
            tx,
            emit,
            ctx,
            lines.map((l) => ({
              productId: l.product_id!,
              delta: l.quantity,
              ...(l.unit_cost !== null ? { unitCost: Number(l.unit_cost) } : {}),
            })),
            'transfer_in',
            { referenceType: REFERENCE, referenceId: t.id, note: 'Transfer cancelled' },
          );
        }
        await repo.markCancelled(tx, t.id, ctx.userId);
        const done = (await repo.findTransfer(tx, ctx.storeId, t.id))!;
        await announce(emitIn, done, 'cancelled', 'cancelled', t.status === 'sent');
        return view(tx, ctx, done);
      });
    },

    async get(ctx: StoreContext, id: string) {
      const t = await repo.findTransfer(pool, ctx.storeId, id);
      if (!t) throw new NotFoundError('Transfer');
      return view(pool, ctx, t);
    },

    async list(ctx: StoreContext, q: ListTransfersQuery) {
      const { rows, total } = await repo.listTransfers(pool, ctx.storeId, {
        ...q,
        offset: (q.page - 1) * q.limit,
      });
      const names = new Map<string, string>();
      for (const id of new Set(rows.flatMap((r) => [r.store_id, r.to_store_id]))) {
        names.set(id, (await stores.profileIn(pool, id))?.name ?? '');
      }
      return {
        items: rows.map((r) => toSummary(ctx.storeId, r, names)),
        pagination: pageOf(q.page, q.limit, total),
      };
    },
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
