import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './sales.schemas';
import type { SalesService } from './sales.service';

/** Routes under /api/v1/stores/:storeId. */
export function salesRoutes(r: Routes, { sales }: { sales: SalesService }) {
  r.store(
    'post',
    '/sales',
    { permission: 'inventory:write', body: s.recordSaleBody, idempotent: 201 },
    ({ ctx, body }) => sales.record(ctx, body),
  );
  r.page('/sales', { permission: 'inventory:read', query: s.listSalesQuery }, ({ ctx, query }) =>
    sales.list(ctx, query),
  );
  r.store(
    'get',
    '/sales/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => sales.get(ctx, params.id),
  );
}
