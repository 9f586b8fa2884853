import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './purchasing.schemas';
import type { PurchasingService } from './purchasing.service';

/** Routes under /api/v1/stores/:storeId. */
export function purchasingRoutes(r: Routes, { purchasing }: { purchasing: PurchasingService }) {
  const one = { permission: 'vendor:manage', params: idParams, money: ORDER_MONEY } as const;
  r.store(
    'post',
    '/purchase-orders',
    { permission: 'vendor:manage', body: s.createOrderBody, idempotent: 201, money: ORDER_MONEY },
    ({ ctx, body }) => purchasing.create(ctx, body),
  );
  r.page(
    '/purchase-orders',
    { permission: 'inventory:read', query: s.listOrdersQuery, money: ORDER_MONEY },
    ({ ctx, query }) => purchasing.list(ctx, query),
  );
  r.store(
    'get',
    '/purchase-orders/:id',
    { permission: 'inventory:read', params: idParams, money: ORDER_MONEY },
    ({ ctx, params }) => purchasing.get(ctx, params.id),
  );
  r.store(
    'patch',
    '/purchase-orders/:id',
    { ...one, body: s.updateOrderBody, readOnly: READ_ONLY },
    ({ ctx, params, body }) => purchasing.update(ctx, params.id, body),
  );
  r.store('delete', '/purchase-orders/:id', { ...one, status: 204 }, ({ ctx, params }) =>
    purchasing.remove(ctx, params.id),
  );
  r.store(
    'patch',
    '/purchase-orders/:id/status',
    { ...one, body: s.statusBody },
    ({ ctx, params, body }) => purchasing.setStatus(ctx, params.id, body),
  );
  r.store(
    'post',
    '/purchase-orders/:id/receive',
    {
      permission: 'inventory:write',
      params: idParams,
      body: s.receiveBody,
      idempotent: 201,
      money: ORDER_MONEY.map((f) => `order.${f}`),
    },
    ({ ctx, params, body }) => purchasing.receive(ctx, params.id, body),
  );
  r.raw(
    'get',
    '/purchase-orders/:id/pdf',
    { permission: 'vendor:manage', params: idParams, heavy: true },
    async ({ ctx, params }, res) => {
      const pdf = await purchasing.orderPdf(ctx, params.id);
      // Shown in the browser (to print), saved under the order's number (ASCII: PO-2026-000001).
      res.setHeader('Content-Disposition', `inline; filename="${pdf.filename}"`);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(pdf.body);
    },
  );
  r.store(
    'post',
    '/purchase-orders/:id/send',
    { ...one, body: s.sendOrderBody, heavy: true },
    ({ ctx, params, body }) => purchasing.sendOrder(ctx, params.id, body),
  );
  r.store(
    'get',
    '/purchase-orders/:id/receipts',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => purchasing.receipts(ctx, params.id),
  );
}

/** An order's money (core/money.ts): its prices and totals. */
export const ORDER_MONEY = ['total', 'receivedValue', 'lines.*.unitCost', 'lines.*.lineTotal'];

/** Fields of an order a client may copy from a response into an edit, with what to do instead. */
const READ_ONLY = {
  supplierId: 'cannot change: cancel the order and create one for the other supplier',
  status: 'changes through PATCH purchase-orders/{id}/status',
  orderNumber: 'is given by the store and cannot change',
  total: 'is computed from the lines',
};
