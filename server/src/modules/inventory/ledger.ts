import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { Emit } from '../../core/events';
import { ON_HAND_MAX } from '../../core/limits';
import type { Db } from '../../db/pool';
import { InsufficientStockError } from './inventory.errors';
import * as repo from './inventory.repo';
import { writeLedger } from './ledger-write.repo';

/** One ledger entry asked of `moveMany`. */
export interface LedgerChange {
  productId: string;
  delta: number;
  /**
   * Goods received at this cost: the movement records it and the product's cost becomes the
   * moving average (repo.applyDeltas). A product received at a cost comes once in a call.
   */
  unitCost?: number;
  /** The cost in force when it happened, for a movement dated in the past (see `asOf`). */
  costThen?: number | null;
  /** Its own reason, when not the call's (a late sale's count correction). */
  reason?: repo.MovementReason;
  /** Its own note, when not the call's. */
  note?: string | null;
  /** A sale's time: the movement is dated then, and the product's last sale moves up to it. */
  soldAt?: Date;
  /** When it happened, if not now and not a sale (a count correction: its count's time). */
  at?: string;
}

type Who = Pick<StoreContext, 'storeId' | 'userId'>;

/** A stock change refused: no such product, too much stock, or too little, as `onHand` stood. */
function refuse(productId: string, onHand: number | undefined, delta: number): never {
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
 * Ledger entries for any number of products in a fixed number of statements, in the caller's
 * transaction: one statement (ledger-write.repo.ts) changes each product's stock by its net
 * change in one conditional UPDATE (its stock, its cost when goods come in at a cost, its last
 * sale) and writes every movement row from the updated rows, then the events announce them
 * once committed. Entries are taken product by product in id order,
 * and in the order given within a product, as if each were applied on its own: a product may
 * move twice (a late sale's count correction, then the sale), each movement with the stock
 * after it, and every step must stay within 0 and ON_HAND_MAX.
 *
 * Several products are locked in id order first (the order every writer locks them in, so no
 * two can deadlock), unless the caller has locked them already (`locked`: a sale, which reads
 * them first); one product needs no lock beyond the UPDATE's own, unless goods come in at a
 * cost (the cost before is read under the lock, to announce a change of cost).
 */
export async function moveMany(
  tx: PoolClient,
  emit: Emit,
  ctx: Who,
  changes: LedgerChange[],
  reason: repo.MovementReason,
  extra: {
    note?: string | null;
    referenceType?: string;
    referenceId?: string;
    locked?: boolean;
  } = {},
): Promise<repo.Movement[]> {
  if (changes.length === 0) return [];
  // Stable: a product's entries keep their order.
  const sorted = [...changes].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
  const net = new Map<string, { delta: number; unitCost?: number; soldAt?: Date }>();
  for (const c of sorted) {
    const p = net.get(c.productId) ?? { delta: 0 };
    p.delta += c.delta;
    if (c.unitCost !== undefined) p.unitCost = c.unitCost;
    if (c.soldAt && (!p.soldAt || c.soldAt > p.soldAt)) p.soldAt = c.soldAt;
    net.set(c.productId, p);
  }
  const receives = sorted.some((c) => c.unitCost !== undefined);
  const before =
    receives || (!extra.locked && net.size > 1)
      ? await repo.lockStock(tx, ctx.storeId, [...net.keys()])
      : undefined;
  const { applied, steps } = await writeLedger(
    tx,
    ctx.storeId,
    ctx.userId,
    [...net].map(([productId, p]) => ({ productId, ...p })),
    sorted.map((c) => ({
      id: randomUUID(),
      productId: c.productId,
      delta: c.delta,
      reason: c.reason ?? reason,
      // A receipt records what it came in at; anything else the cost in force, then or now.
      unitCost: c.unitCost ?? c.costThen,
      note: c.note !== undefined ? c.note : extra.note,
      referenceType: extra.referenceType,
      referenceId: extra.referenceId,
      at: c.soldAt ?? c.at,
    })),
  );
  for (const [productId, p] of net) {
    if (!applied.has(productId)) await refused(tx, ctx.storeId, sorted, productId, p.delta);
  }
  // Each entry within bounds, from the product's stock before it (else nothing was written).
  for (const step of steps) {
    if (step.quantityAfter < 0 || step.quantityAfter > ON_HAND_MAX)
      refuse(step.productId, step.quantityAfter - step.delta, step.delta);
  }
  const movements = steps.map((s) => s.movement!);
  const last = new Map(movements.map((m) => [m.productId, m]));
  for (const m of movements) {
    const after = applied.get(m.productId)!;
    await announce(emit, m, { quantity: m.quantityAfter, reorderPoint: after.reorderPoint });
    if (!receives || last.get(m.productId) !== m) continue;
    const old = before?.get(m.productId)?.cost ?? null;
    if ((old === null ? null : Number(old)) !== after.cost)
      await emit('product.updated', { productId: m.productId, fields: ['cost'] });
  }
  return movements;
}

/**
 * Why a product's net change matched no row. Its entries are replayed from the stock it has,
 * so the entry that breaks a limit is the one named (as if each had been applied alone).
 */
async function refused(
  tx: Db,
  storeId: string,
  sorted: LedgerChange[],
  productId: string,
  delta: number,
): Promise<never> {
  const stock = await repo.stockOf(tx, storeId, productId);
  if (stock === undefined) return refuse(productId, undefined, delta);
  let onHand = stock;
  for (const c of sorted.filter((x) => x.productId === productId)) {
    const now: number = onHand + c.delta;
    if (now < 0 || now > ON_HAND_MAX) refuse(productId, onHand, c.delta);
    onHand = now;
  }
  return refuse(productId, stock, delta);
}

/** One ledger entry: `moveMany` of one. */
export async function move(
  tx: PoolClient,
  emit: Emit,
  ctx: Who,
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
  const { unitCost, soldAt, at, ...common } = extra;
  const [movement] = await moveMany(
    tx,
    emit,
    ctx,
    [{ productId, delta, soldAt, at, ...(unitCost !== undefined ? { costThen: unitCost } : {}) }],
    reason,
    common,
  );
  return movement!;
}
