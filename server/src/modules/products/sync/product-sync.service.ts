import type { PoolClient } from 'pg';
import { AppError, ConflictError, type ErrorDetail } from '../../../core/errors';
import type { StoreContext } from '../../../core/context';
import type { Emit } from '../../../core/events';
import { assertMaySetMoney } from '../../../core/money';
import type { CategoriesService } from '../../categories/categories.service';
import type { StoreWriter } from '../../events/events.service';
import type { InventoryService } from '../../inventory/inventory.service';
import type { SuppliersService } from '../../suppliers/suppliers.service';
import { toColumns } from '../product-mapper';
import { assertReferences, generateSku } from '../product-rules';
import { updateWithHistory } from '../product-update';
import * as products from '../products.repo';
import type { CatalogueRow } from '../products.repo';
import * as repo from './product-sync.repo';
import { matchKey, type SyncItem, type SyncProductsInput } from './product-sync.schemas';

export type SyncStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface SyncResult {
  index: number;
  status: SyncStatus;
  /** The product's id (null when rejected before it was found). */
  productId: string | null;
  /** Its SKU: the item's, or the one generated for a new product sent with a barcode only. */
  sku: string | null;
  barcode: string | null;
  /** The catalogue fields an update changed. */
  changed: string[];
  error: { code: string; message: string; details?: ErrorDetail[] } | null;
}

interface Deps {
  write: StoreWriter;
  categories: CategoriesService;
  suppliers: SuppliersService;
  inventory: InventoryService;
}

/**
 * A web shop's catalogue sync: products upserted by SKU (else barcode), each in its own
 * savepoint, so one refused item (a barcode another product has, a category not in the store)
 * is rolled back alone and reported, and the others are applied. What a product is comes from
 * the shop; how much of it is on hand does not: an existing product's stock is never touched,
 * and a new one's `initialQuantity` is an `initial` ledger movement, as when it is created by
 * hand. Sending the same batch again changes nothing and answers `unchanged`.
 */
export function createProductSync(deps: Deps) {
  async function apply(
    tx: PoolClient,
    emit: Emit,
    ctx: StoreContext,
    item: SyncItem,
    existing: CatalogueRow | undefined,
  ): Promise<Pick<SyncResult, 'status' | 'productId' | 'sku' | 'changed'>> {
    const { initialQuantity, ...fields } = item;
    if (existing) {
      const changed = await updateWithHistory(tx, emit, ctx, existing.id, fields, 'sync', () =>
        assertReferences(deps, tx, ctx.storeId, fields),
      );
      return {
        status: changed.length ? 'updated' : 'unchanged',
        productId: existing.id,
        sku: fields.sku ?? existing.sku,
        changed,
      };
    }
    await assertReferences(deps, tx, ctx.storeId, fields);
    const sku = fields.sku ?? generateSku(fields.name);
    const id = await products.insert(tx, ctx.storeId, toColumns({ ...fields, sku }));
    if (initialQuantity) {
      await deps.inventory.move(tx, emit, ctx, id, initialQuantity, 'initial', {
        note: 'Initial quantity',
      });
    }
    await emit('product.created', { productId: id, name: fields.name, source: 'api' });
    return { status: 'created', productId: id, sku, changed: [] };
  }

  return {
    async sync(ctx: StoreContext, input: SyncProductsInput) {
      input.items.forEach((item) => assertMaySetMoney(ctx.role, item, ['cost']));
      // The report is made in the transaction: an Idempotency-Key stores what it returns.
      return deps.write(ctx, async (tx, emit) => {
        const results: SyncResult[] = [];
        await repo.lockStoreSync(tx, ctx.storeId);
        const known = await repo.findByKeys(
          tx,
          ctx.storeId,
          input.items.flatMap((i) => (i.sku !== undefined ? [i.sku] : [])),
          input.items.flatMap((i) => (i.sku === undefined && i.barcode ? [i.barcode] : [])),
        );
        const byKey = new Map(
          known.flatMap((p) => [
            [matchKey({ sku: p.sku }), p] as const,
            ...(p.barcode === null ? [] : [[matchKey({ barcode: p.barcode }), p] as const]),
          ]),
        );
        await repo.lockProducts(
          tx,
          ctx.storeId,
          input.items.flatMap((item) => {
            const p = byKey.get(matchKey(item));
            return p && !sameAs(p, item) ? [p.id] : [];
          }),
        );
        /** Existing products by the index of the item that matched them first. */
        const matched = new Map<string, number>();
        for (const [index, item] of input.items.entries()) {
          const base = { index, barcode: item.barcode ?? null, changed: [], error: null };
          const existing = byKey.get(matchKey(item));
          // Two items with different keys (one's SKU, another's barcode) can be one product:
          // the first is applied, the later is refused rather than applied over it.
          const earlier = existing ? matched.get(existing.id) : undefined;
          if (existing && earlier !== undefined) {
            results.push({
              ...base,
              status: 'rejected',
              productId: null,
              sku: item.sku ?? null,
              error: {
                code: 'CONFLICT',
                message: `Item ${earlier} of this batch is the same product (${existing.sku}): send each product once`,
              },
            });
            continue;
          }
          if (existing) matched.set(existing.id, index);
          // A repeated sync reads as it was: answered without a write (most items, most runs).
          if (existing && sameAs(existing, item)) {
            results.push({
              ...base,
              status: 'unchanged',
              productId: existing.id,
              sku: existing.sku,
            });
            continue;
          }
          let outcome = await inSavepoint(tx, emit, (held) => apply(tx, held, ctx, item, existing));
          // Another sync created the product since the read above (its insert committed while
          // ours waited on the unique index): it is an existing product now.
          if (!existing && outcome instanceof ConflictError) {
            const [now] = await repo.findByKeys(
              tx,
              ctx.storeId,
              item.sku !== undefined ? [item.sku] : [],
              item.sku === undefined ? [item.barcode!] : [],
            );
            if (now)
              outcome = await inSavepoint(tx, emit, (held) => apply(tx, held, ctx, item, now));
          }
          if (!(outcome instanceof AppError)) {
            results.push({ ...base, ...outcome });
            continue;
          }
          const details = Array.isArray(outcome.details)
            ? (outcome.details as ErrorDetail[])
            : undefined;
          results.push({
            ...base,
            status: 'rejected',
            productId: null,
            sku: item.sku ?? null,
            error: {
              code: outcome.code,
              message: outcome.message,
              ...(details ? { details } : {}),
            },
          });
        }
        const count = (status: SyncStatus) => results.filter((r) => r.status === status).length;
        return {
          summary: {
            total: results.length,
            created: count('created'),
            updated: count('updated'),
            unchanged: count('unchanged'),
            rejected: count('rejected'),
          },
          items: results,
        };
      });
    },
  };
}

export type ProductSync = ReturnType<typeof createProductSync>;

/**
 * Runs one item's change in a savepoint: its result, or the refusal (an AppError) it was rolled
 * back for, alone. Its events wait for the savepoint's release: a refused item announces nothing.
 */
async function inSavepoint<T>(
  tx: PoolClient,
  emit: Emit,
  change: (held: Emit) => Promise<T>,
): Promise<T | AppError> {
  const announced: Array<() => Promise<void>> = [];
  const held: Emit = async (type, payload) => void announced.push(() => emit(type, payload));
  await tx.query('SAVEPOINT sync_item');
  try {
    const result = await change(held);
    await tx.query('RELEASE SAVEPOINT sync_item');
    for (const announce of announced) await announce();
    return result;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT sync_item');
    return err;
  }
}

/**
 * Whether every field the item sends already holds its value in the product's row. Only a sure
 * yes skips the write: anything it cannot tell takes the update, which compares for itself.
 */
function sameAs(row: CatalogueRow, item: SyncItem): boolean {
  const { initialQuantity: _ignored, ...fields } = item;
  return Object.entries(toColumns(fields)).every(([field, value]) => {
    const column = products.COLUMNS[field as keyof typeof products.COLUMNS] as keyof CatalogueRow;
    const have = row[column];
    if (have === null || value === null) return have === value;
    if (typeof value === 'number') return Number(have) === value;
    return String(have) === String(value);
  });
}
