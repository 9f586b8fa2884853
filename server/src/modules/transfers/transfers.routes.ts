import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './transfers.schemas';
import type { TransfersService } from './transfers.service';

/** Routes under /api/v1/stores/:storeId: the transfers this store sends and receives. */
export function transfersRoutes(r: Routes, { transfers }: { transfers: TransfersService }) {
  const sender = { permission: 'inventory:transfer', params: idParams } as const;
  r.store(
    'post',
    '/transfers',
    { permission: 'inventory:transfer', body: s.createTransferBody, idempotent: 201 },
    ({ ctx, body }) => transfers.create(ctx, body),
  );
  r.page(
    '/transfers',
    { permission: 'inventory:read', query: s.listTransfersQuery },
    ({ ctx, query }) => transfers.list(ctx, query),
  );
  r.store(
    'get',
    '/transfers/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => transfers.get(ctx, params.id),
  );
  r.store(
    'post',
    '/transfers/:id/send',
    { ...sender, body: s.sendTransferBody, idempotent: 200 },
    ({ ctx, params }) => transfers.send(ctx, params.id),
  );
  r.store(
    'post',
    '/transfers/:id/receive',
    {
      permission: 'inventory:write',
      params: idParams,
      body: s.receiveTransferBody,
      idempotent: 200,
    },
    ({ ctx, params, body }) => transfers.receive(ctx, params.id, body),
  );
  r.store(
    'post',
    '/transfers/:id/cancel',
    { ...sender, body: s.cancelTransferBody, idempotent: 200 },
    ({ ctx, params }) => transfers.cancel(ctx, params.id),
  );
}
