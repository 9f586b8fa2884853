import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './shopping-lists.schemas';
import type { ShoppingListsService } from './shopping-lists.service';

/**
 * Routes under /api/v1/stores/:storeId. Managers decide what is ordered (`vendor:manage`);
 * the staff doing the shopping edit items (`inventory:write`).
 */
export function shoppingListsRoutes(
  r: Routes,
  { shoppingLists: lists }: { shoppingLists: ShoppingListsService },
) {
  r.store(
    'post',
    '/shopping-lists/generate',
    { permission: 'vendor:manage', heavy: true, body: s.generateBody, idempotent: 201 },
    ({ ctx, body }) => lists.generate(ctx, body),
  );
  r.page(
    '/shopping-lists',
    { permission: 'inventory:read', query: s.listQuery },
    ({ ctx, query }) => lists.list(ctx, query),
  );
  r.store(
    'get',
    '/shopping-lists/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => lists.get(ctx, params.id),
  );
  r.store(
    'patch',
    '/shopping-lists/:id',
    { permission: 'vendor:manage', params: idParams, body: s.renameBody },
    ({ ctx, params, body }) => lists.rename(ctx, params.id, body.name),
  );
  r.store(
    'delete',
    '/shopping-lists/:id',
    { permission: 'vendor:manage', params: idParams, status: 204 },
    ({ ctx, params }) => lists.remove(ctx, params.id),
  );
  r.store(
    'put',
    '/shopping-lists/:id/items/:itemId',
    { permission: 'inventory:write', params: s.itemParams, body: s.itemBody },
    ({ ctx, params, body }) => lists.updateItem(ctx, params.id, params.itemId, body),
  );
  r.store(
    'delete',
    '/shopping-lists/:id/items/:itemId',
    { permission: 'vendor:manage', params: s.itemParams, status: 204 },
    ({ ctx, params }) => lists.removeItem(ctx, params.id, params.itemId),
  );
  r.store(
    'post',
    '/shopping-lists/:id/optimize',
    { permission: 'vendor:manage', params: idParams },
    ({ ctx, params }) => lists.optimize(ctx, params.id),
  );
  r.store(
    'post',
    '/shopping-lists/:id/purchase-orders',
    { permission: 'vendor:manage', params: idParams, idempotent: 201 },
    ({ ctx, params }) => lists.convert(ctx, params.id),
  );
}
