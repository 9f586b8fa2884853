import { Router } from 'express';
import { ok, okPage } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { validate } from '../../http/validate';
import * as s from './stores.schemas';
import type { StoresService } from './stores.service';

/** Mounted at /api/v1/stores, behind requireAuth. */
export function storesRouter({ stores, guards }: { stores: StoresService; guards: Guards }) {
  const { requireStorePermission: can } = guards;
  const router = Router();

  router.get('/', validate({ query: s.listStoresQuery }), async (req, res) => {
    const { page, limit } = req.query as unknown as { page: number; limit: number };
    const { items, pagination } = await stores.listForUser(req.principal!.userId, { page, limit });
    res.json(okPage(req, items, pagination));
  });
  router.post('/', validate({ body: s.createStoreBody }), async (req, res) => {
    res.status(201).json(ok(req, await stores.create(req.principal!.userId, req.body)));
  });
  router.get('/:storeId', can('inventory:read'), async (req, res) => {
    res.json(ok(req, await stores.get(req.store!)));
  });
  router.patch(
    '/:storeId',
    can('settings:manage'),
    validate({ body: s.updateStoreBody }),
    async (req, res) => {
      res.json(ok(req, await stores.update(req.store!, req.body)));
    },
  );
  router.delete('/:storeId', can('settings:manage'), async (req, res) => {
    await stores.remove(req.store!);
    res.status(204).end();
  });
  return router;
}
