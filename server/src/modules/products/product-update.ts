import type { PoolClient } from 'pg';
import { NotFoundError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { Emit } from '../../core/events';
import { toColumns } from './product-mapper';
import * as repo from './products.repo';

/**
 * Updates a product inside the caller's transaction and records what changed: one history
 * row per changed field (with `reason`) and a `product.updated` event, both only when
 * something did change. Returns the changed fields. Used by edits and by imports alike.
 */
export async function updateWithHistory(
  tx: PoolClient,
  emit: Emit,
  ctx: Pick<StoreContext, 'storeId' | 'userId'>,
  id: string,
  input: Record<string, unknown>,
  reason: string,
  /** Runs once the product is known to exist, before anything is written. */
  check?: () => Promise<void>,
): Promise<string[]> {
  const before = await repo.find(tx, ctx.storeId, id, true);
  if (!before) throw new NotFoundError('Product');
  await check?.();
  await repo.update(tx, ctx.storeId, id, toColumns(input));
  const after = (await repo.find(tx, ctx.storeId, id))!;
  const changes = Object.keys(repo.COLUMNS)
    .map((field) => {
      const col = repo.COLUMNS[field as keyof typeof repo.COLUMNS] as keyof repo.CatalogueRow;
      const [oldValue, newValue] = [before[col], after[col]].map((v) =>
        v === null ? null : String(v),
      );
      return { field, oldValue: oldValue ?? null, newValue: newValue ?? null };
    })
    .filter((c) => c.oldValue !== c.newValue);
  await repo.insertHistory(tx, ctx.storeId, id, ctx.userId, changes, reason);
  const fields = changes.map((c) => c.field);
  if (fields.length) await emit('product.updated', { productId: id, fields });
  return fields;
}
