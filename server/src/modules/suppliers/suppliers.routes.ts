import { Router } from 'express';
import { routes, type RouteDeps } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './suppliers.schemas';
import type { SuppliersService } from './suppliers.service';

/** Routes under /api/v1/stores/:storeId. A supplier's products are the products module's. */
export function suppliersRouter({
  suppliers,
  ...deps
}: RouteDeps & { suppliers: SuppliersService }) {
  const router = Router({ mergeParams: true });
  const r = routes(router, deps);

  r.page(
    '/suppliers',
    { permission: 'inventory:read', query: s.listSuppliersQuery },
    ({ ctx, query }) => suppliers.list(ctx, query),
  );
  r.store(
    'post',
    '/suppliers',
    { permission: 'vendor:manage', body: s.createSupplierBody, status: 201 },
    ({ ctx, body }) => suppliers.create(ctx, body),
  );
  r.store(
    'get',
    '/suppliers/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => suppliers.get(ctx, params.id),
  );
  r.store(
    'patch',
    '/suppliers/:id',
    { permission: 'vendor:manage', params: idParams, body: s.updateSupplierBody },
    ({ ctx, params, body }) => suppliers.update(ctx, params.id, body),
  );
  r.store(
    'delete',
    '/suppliers/:id',
    { permission: 'vendor:manage', params: idParams, status: 204 },
    ({ ctx, params }) => suppliers.remove(ctx, params.id),
  );
  return router;
}
