import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import type { ImageVariant } from '../../files/image';
import type { Db } from '../../db/pool';
import type { StoreWriter } from '../events/events.service';
import type { FilesService, Upload } from '../files/files.service';
import type { Product } from './product-mapper';
import * as repo from './products.repo';

/**
 * A product's picture: the files module keeps the bytes and the row; the product's change
 * (and its `product.updated` event, which refreshes lists and tills) is this module's.
 */
export function createProductImages(deps: {
  pool: Pool;
  write: StoreWriter;
  files: Pick<FilesService, 'storeImage' | 'discard' | 'recordInTx' | 'removeInTx' | 'open'>;
  get(ctx: StoreContext, id: string): Promise<Product>;
}) {
  const { pool, write, files } = deps;

  /**
   * `lock`: the product row is locked until the transaction ends, so a delete of the product
   * running at the same time either comes first (this finds nothing: 404) or waits and then
   * removes the picture recorded here with it.
   */
  async function assertExists(db: Db, ctx: StoreContext, id: string, lock = false) {
    if (!(await repo.find(db, ctx.storeId, id, lock))) throw new NotFoundError('Product');
  }

  return {
    /** Sets (or replaces) the picture; the old one is removed in the same transaction. */
    async set(ctx: StoreContext, id: string, upload: Upload): Promise<Product> {
      // Refused before the image is decoded: another store's product is simply not found.
      await assertExists(pool, ctx, id);
      const file = await files.storeImage(ctx, upload);
      try {
        await write(ctx, async (tx, emit) => {
          await assertExists(tx, ctx, id, true);
          await files.recordInTx(tx, ctx, file, 'product_image', id, true);
          await emit('product.updated', { productId: id, fields: ['image'] });
        });
      } catch (err) {
        await files.discard(file);
        throw err;
      }
      return deps.get(ctx, id);
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        await assertExists(tx, ctx, id, true);
        if (!(await files.removeInTx(tx, ctx, 'product_image', id))) {
          throw new NotFoundError('Product image');
        }
        await emit('product.updated', { productId: id, fields: ['image'] });
      });
    },

    open: (ctx: StoreContext, id: string, size: ImageVariant) =>
      files.open(ctx, 'product_image', id, 'Product image', size === 'large' ? undefined : size),
  };
}

export type ProductImages = ReturnType<typeof createProductImages>;
