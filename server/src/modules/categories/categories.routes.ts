import { Router } from 'express';
import { ok, okPage } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { validate } from '../../http/validate';
import type { CategoriesService } from './categories.service';
import * as s from './categories.schemas';

/** Mounted at /api/v1/stores/:storeId/categories. */
export function categoriesRouter({
  categories,
  guards,
}: {
  categories: CategoriesService;
  guards: Guards;
}) {
  const can = guards.requireStorePermission;
  const router = Router({ mergeParams: true });

  router.get(
    '/',
    can('inventory:read'),
    validate({ query: s.listCategoriesQuery }),
    async (req, res) => {
      const { items, pagination } = await categories.list(req.store!, req.query as never);
      res.json(okPage(req, items, pagination));
    },
  );
  router.post(
    '/',
    can('inventory:write'),
    validate({ body: s.createCategoryBody }),
    async (req, res) => {
      res.status(201).json(ok(req, await categories.create(req.store!, req.body)));
    },
  );
  router.get(
    '/:id',
    can('inventory:read'),
    validate({ params: s.categoryParams }),
    async (req, res) => {
      res.json(ok(req, await categories.get(req.store!, req.params.id as string)));
    },
  );
  router.patch(
    '/:id',
    can('inventory:write'),
    validate({ params: s.categoryParams, body: s.updateCategoryBody }),
    async (req, res) => {
      res.json(ok(req, await categories.update(req.store!, req.params.id as string, req.body)));
    },
  );
  router.delete(
    '/:id',
    can('inventory:delete'),
    validate({ params: s.categoryParams }),
    async (req, res) => {
      await categories.remove(req.store!, req.params.id as string);
      res.status(204).end();
    },
  );
  return router;
}
