import type { Routes } from '../../http/route';
import * as s from './stores.schemas';
import type { StoresService } from './stores.service';

/** Routes under /api/v1/stores: the caller's stores, and a new one. */
export function storesRoutes(r: Routes, { stores }: { stores: StoresService }) {
  r.user('get', '/', { query: s.listStoresQuery, list: true }, ({ principal, query }) =>
    stores.listForUser(principal.userId, query),
  );
  r.user('post', '/', { body: s.createStoreBody, status: 201 }, ({ principal, body }) =>
    stores.create(principal.userId, body),
  );
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
  r.store('delete', '/', { permission: 'settings:manage', people: true, status: 204 }, ({ ctx }) =>
    stores.remove(ctx),
  );
}
