import { Router } from 'express';
import { routes, type RouteDeps } from '../../http/route';
import * as s from './suppliers.schemas';
import type { SuppliersService } from './suppliers.service';

/** Routes under /api/v1/stores/:storeId. A supplier's products are the products module's. */
export function suppliersRouter({
  suppliers,
  ...deps
}: RouteDeps & { suppliers: SuppliersService }) {
  const router = Router({ mergeParams: true });
  routes(router, deps).resource('/suppliers', suppliers, {
    read: 'inventory:read',
    write: 'vendor:manage',
    remove: 'vendor:manage',
    list: s.listSuppliersQuery,
    create: s.createSupplierBody,
    update: s.updateSupplierBody,
  });
  return router;
}
