import { Router, type RequestHandler } from 'express';
import { ok, okPage } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { completeWith, respond } from '../../http/idempotency';
import { validate, paginationQuery } from '../../http/validate';
import type { ProductsService } from './products.service';
import * as s from './products.schemas';
import * as stockSchemas from './stock.schemas';
import type { StockService } from './stock.service';

interface Deps {
  products: ProductsService;
  stock: StockService;
  guards: Guards;
  idempotent: RequestHandler;
}

/** Mounted at /api/v1/stores/:storeId/products. */
const STOCK_HINT = 'changes only through adjustments, counts, sales and imports';
/** Response fields a client may send back unchanged in a PATCH or PUT. */
const PRODUCT_READ_ONLY = {
  quantity: `is read-only: stock ${STOCK_HINT}`,
  initialQuantity: `is only for new products: stock then ${STOCK_HINT}`,
};

export function productsRouter({ products, stock, guards, idempotent }: Deps) {
  const can = guards.requireStorePermission;
  const id = (req: { params: Record<string, unknown> }) => req.params.id as string;
  const router = Router({ mergeParams: true });

  router.get(
    '/',
    can('inventory:read'),
    validate({ query: s.listProductsQuery }),
    async (req, res) => {
      const { items, pagination } = await products.list(req.store!, req.query as never);
      res.json(okPage(req, items, pagination));
    },
  );
  router.post(
    '/',
    can('inventory:write'),
    validate({
      body: s.createProductBody,
      readOnly: { quantity: 'is read-only: send initialQuantity to start with stock' },
    }),
    async (req, res) => {
      res.status(201).json(ok(req, await products.create(req.store!, req.body)));
    },
  );
  router.get(
    '/lookup',
    can('inventory:read'),
    validate({ query: s.lookupQuery }),
    async (req, res) => {
      res.json(
        ok(req, await products.lookup(req.store!, (req.query as { barcode: string }).barcode)),
      );
    },
  );
  router.get(
    '/:id',
    can('inventory:read'),
    validate({ params: s.productParams }),
    async (req, res) => {
      res.json(ok(req, await products.get(req.store!, id(req))));
    },
  );
  router.patch(
    '/:id',
    can('inventory:write'),
    validate({ params: s.productParams, body: s.updateProductBody, readOnly: PRODUCT_READ_ONLY }),
    async (req, res) => {
      res.json(ok(req, await products.update(req.store!, id(req), req.body)));
    },
  );
  router.put(
    '/:id',
    can('inventory:write'),
    validate({ params: s.productParams, body: s.replaceProductBody, readOnly: PRODUCT_READ_ONLY }),
    async (req, res) => {
      res.json(ok(req, await products.replace(req.store!, id(req), req.body)));
    },
  );
  router.delete(
    '/:id',
    can('inventory:delete'),
    validate({ params: s.productParams }),
    async (req, res) => {
      await products.remove(req.store!, id(req));
      res.status(204).end();
    },
  );

  router.post(
    '/:id/adjustments',
    can('inventory:write'),
    validate({ params: s.productParams, body: stockSchemas.adjustmentBody }),
    idempotent,
    async (req, res) => {
      respond(
        req,
        res,
        201,
        await stock.adjust(req.store!, id(req), req.body, completeWith(req, 201)),
      );
    },
  );
  router.post(
    '/:id/counts',
    can('inventory:write'),
    validate({ params: s.productParams, body: stockSchemas.countBody }),
    idempotent,
    async (req, res) => {
      respond(
        req,
        res,
        201,
        await stock.count(req.store!, id(req), req.body, completeWith(req, 201)),
      );
    },
  );
  router.get(
    '/:id/movements',
    can('inventory:read'),
    validate({ params: s.productParams, query: stockSchemas.movementsQuery }),
    async (req, res) => {
      const { items, pagination } = await stock.movements(req.store!, id(req), req.query as never);
      res.json(okPage(req, items, pagination));
    },
  );
  router.get(
    '/:id/history',
    can('inventory:read'),
    validate({ params: s.productParams, query: paginationQuery }),
    async (req, res) => {
      const { items, pagination } = await products.history(req.store!, id(req), req.query as never);
      res.json(okPage(req, items, pagination));
    },
  );
  return router;
}
