import type { Routes } from '../../http/route';
import type { CategoriesService } from './categories.service';
import * as s from './categories.schemas';

/** Routes under /api/v1/stores/:storeId. */
export function categoriesRoutes(r: Routes, { categories }: { categories: CategoriesService }) {
  r.resource('/categories', categories, {
    read: 'inventory:read',
    write: 'inventory:write',
    remove: 'inventory:delete',
    list: s.listCategoriesQuery,
    create: s.createCategoryBody,
    update: s.updateCategoryBody,
  });
}
