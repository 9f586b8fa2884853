import { Router } from 'express';
import { routes, type RouteDeps } from '../../http/route';
import { idParams } from '../../http/validate';
import type { CategoriesService } from './categories.service';
import * as s from './categories.schemas';

/** Routes under /api/v1/stores/:storeId. */
export function categoriesRouter({
  categories,
  ...deps
}: RouteDeps & { categories: CategoriesService }) {
  const router = Router({ mergeParams: true });
  const r = routes(router, deps);

  r.page(
    '/categories',
    { permission: 'inventory:read', query: s.listCategoriesQuery },
    ({ ctx, query }) => categories.list(ctx, query),
  );
  r.store(
    'post',
    '/categories',
    { permission: 'inventory:write', body: s.createCategoryBody, status: 201 },
    ({ ctx, body }) => categories.create(ctx, body),
  );
  r.store(
    'get',
    '/categories/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => categories.get(ctx, params.id),
  );
  r.store(
    'patch',
    '/categories/:id',
    { permission: 'inventory:write', params: idParams, body: s.updateCategoryBody },
    ({ ctx, params, body }) => categories.update(ctx, params.id, body),
  );
  r.store(
    'delete',
    '/categories/:id',
    { permission: 'inventory:delete', params: idParams, status: 204 },
    ({ ctx, params }) => categories.remove(ctx, params.id),
  );
  return router;
}
