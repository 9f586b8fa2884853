import { Router } from 'express';
import { ok, okPage } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { validate } from '../../http/validate';
import type { ProductsService } from '../products/products.service';
import { supplierProductsQuery } from '../products/products.schemas';
import * as s from './suppliers.schemas';
import type { SuppliersService } from './suppliers.service';

/** Mounted at /api/v1/stores/:storeId/suppliers. */
export function suppliersRouter(deps: {
  suppliers: SuppliersService;
  products: ProductsService;
  guards: Guards;
}) {
  const { suppliers, products, guards } = deps;
  const can = guards.requireStorePermission;
  const id = (req: { params: Record<string, unknown> }) => req.params.id as string;
  const router = Router({ mergeParams: true });

  router.get(
    '/',
    can('inventory:read'),
    validate({ query: s.listSuppliersQuery }),
    async (req, res) => {
      const { items, pagination } = await suppliers.list(req.store!, req.query as never);
      res.json(okPage(req, items, pagination));
    },
  );
  router.post(
    '/',
    can('vendor:manage'),
    validate({ body: s.createSupplierBody }),
    async (req, res) => {
      res.status(201).json(ok(req, await suppliers.create(req.store!, req.body)));
    },
  );
  router.get(
    '/:id',
    can('inventory:read'),
    validate({ params: s.supplierParams }),
    async (req, res) => {
      res.json(ok(req, await suppliers.get(req.store!, id(req))));
    },
  );
  router.patch(
    '/:id',
    can('vendor:manage'),
    validate({ params: s.supplierParams, body: s.updateSupplierBody }),
    async (req, res) => {
      res.json(ok(req, await suppliers.update(req.store!, id(req), req.body)));
    },
  );
  router.delete(
    '/:id',
    can('vendor:manage'),
    validate({ params: s.supplierParams }),
    async (req, res) => {
      await suppliers.remove(req.store!, id(req));
      res.status(204).end();
    },
  );
  router.get(
    '/:id/products',
    can('inventory:read'),
    validate({ params: s.supplierParams, query: supplierProductsQuery }),
    async (req, res) => {
      await suppliers.get(req.store!, id(req));
      const q = { ...(req.query as object), supplier: id(req) };
      const { items, pagination } = await products.list(req.store!, q as never);
      res.json(okPage(req, items, pagination));
    },
  );
  return router;
}
