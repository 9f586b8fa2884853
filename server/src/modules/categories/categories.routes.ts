import { Router } from 'express';
import { routes, type RouteDeps } from '../../http/route';
import type { CategoriesService } from './categories.service';
import * as s from './categories.schemas';

/** Routes under /api/v1/stores/:storeId. */
export function categoriesRouter({
  categories,
  ...deps
}: RouteDeps & { categories: CategoriesService }) {
  const router = Router({ mergeParams: true });
  routes(router, deps).resource('/categories', categories, {
    read: 'inventory:read',
    write: 'inventory:write',
    remove: 'inventory:delete',
    list: s.listCategoriesQuery,
    create: s.createCategoryBody,
    update: s.updateCategoryBody,
  });
  return router;
}
