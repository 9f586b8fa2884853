import type { Routes } from '../../../http/route';
import { syncProductsBody } from './product-sync.schemas';
import type { ProductSync } from './product-sync.service';

/** Routes under /api/v1/stores/:storeId (before the products' /products/:id). */
export function productSyncRoutes(r: Routes, { productSync }: { productSync: ProductSync }) {
  r.store(
    'post',
    '/products/sync',
    {
      // It rewrites existing products in bulk, as an import with updateExisting does.
      permission: 'inventory:bulk_update',
      body: syncProductsBody,
      heavy: true,
      idempotent: 200,
    },
    ({ ctx, body }) => productSync.sync(ctx, body),
  );
}
