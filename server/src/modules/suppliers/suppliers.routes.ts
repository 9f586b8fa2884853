import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './suppliers.schemas';
import type { SuppliersService } from './suppliers.service';

/** Routes under /api/v1/stores/:storeId. A supplier's products are the products module's. */
export function suppliersRoutes(r: Routes, { suppliers }: { suppliers: SuppliersService }) {
  r.resource('/suppliers', suppliers, {
    read: 'inventory:read',
    write: 'vendor:manage',
    remove: 'vendor:manage',
    list: s.listSuppliersQuery,
    create: s.createSupplierBody,
    update: s.updateSupplierBody,
  });
  r.store(
    'get',
    '/suppliers/:id/performance',
    {
      permission: 'inventory:read',
      params: idParams,
      query: s.performanceQuery,
      money: ['metrics.totalValue', 'metrics.averageOrderValue', 'trends.*.value'],
    },
    ({ ctx, params, query }) => suppliers.performance(ctx, params.id, query.months),
  );
}
