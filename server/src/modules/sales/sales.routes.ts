import { Router, type RequestHandler } from 'express';
import { ok, okPage } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { completeWith, respond } from '../../http/idempotency';
import { validate } from '../../http/validate';
import * as s from './sales.schemas';
import type { SalesService } from './sales.service';

/** Mounted at /api/v1/stores/:storeId/sales. */
export function salesRouter(deps: {
  sales: SalesService;
  guards: Guards;
  idempotent: RequestHandler;
}) {
  const { sales, guards, idempotent } = deps;
  const can = guards.requireStorePermission;
  const router = Router({ mergeParams: true });

  router.post(
    '/',
    can('inventory:write'),
    validate({ body: s.recordSaleBody }),
    idempotent,
    async (req, res) => {
      respond(req, res, 201, await sales.record(req.store!, req.body, completeWith(req, 201)));
    },
  );
  router.get(
    '/',
    can('inventory:read'),
    validate({ query: s.listSalesQuery }),
    async (req, res) => {
      const { items, pagination } = await sales.list(req.store!, req.query as never);
      res.json(okPage(req, items, pagination));
    },
  );
  router.get(
    '/:id',
    can('inventory:read'),
    validate({ params: s.saleParams }),
    async (req, res) => {
      res.json(ok(req, await sales.get(req.store!, req.params.id as string)));
    },
  );
  return router;
}
