import { Router } from 'express';
import { routes, type RouteDeps, type Routes } from '../../http/route';
import * as s from './stores.schemas';
import type { StoresService } from './stores.service';

/** Routes under /api/v1/stores: the caller's stores, and a new one. */
export function storesRouter({ stores, ...deps }: RouteDeps & { stores: StoresService }) {
  const router = Router();
  const r = routes(router, deps);
  r.user('get', '/', { query: s.listStoresQuery, list: true }, ({ principal, query }) =>
    stores.listForUser(principal.userId, query),
  );
  r.user('post', '/', { body: s.createStoreBody, status: 201 }, ({ principal, body }) =>
    stores.create(principal.userId, body),
  );
  return router;
}

/** Routes under /api/v1/stores/:storeId: the store itself. */
export function storeRoutes(r: Routes, { stores }: { stores: StoresService }) {
  r.store('get', '/', { permission: 'inventory:read' }, ({ ctx }) => stores.get(ctx));
  r.store(
    'patch',
    '/',
    { permission: 'settings:manage', body: s.updateStoreBody },
    ({ ctx, body }) => stores.update(ctx, body),
  );
  r.store('delete', '/', { permission: 'settings:manage', status: 204 }, ({ ctx }) =>
    stores.remove(ctx),
  );
}
