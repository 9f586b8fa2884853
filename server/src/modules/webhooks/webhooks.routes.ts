import type { Routes } from '../../http/route';
import type { WebhooksService } from './webhooks.service';
import * as s from './webhooks.schemas';

/**
 * Routes under /api/v1/stores/:storeId: the store's outbound webhooks (admins, and people
 * only: an API key never manages webhooks, whatever its role).
 */
export function webhooksRoutes(r: Routes, { webhooks }: { webhooks: WebhooksService }) {
  const admin = { permission: 'settings:manage', people: true } as const;
  const one = { ...admin, params: s.webhookParams };
  r.store('get', '/webhooks', admin, ({ ctx }) => webhooks.list(ctx));
  r.store(
    'post',
    '/webhooks',
    { ...admin, body: s.createEndpointBody, status: 201 },
    ({ ctx, body }) => webhooks.create(ctx, body),
  );
  r.store('get', '/webhooks/:webhookId', one, ({ ctx, params }) =>
    webhooks.get(ctx, params.webhookId),
  );
  r.store(
    'patch',
    '/webhooks/:webhookId',
    { ...one, body: s.updateEndpointBody },
    ({ ctx, params, body }) => webhooks.update(ctx, params.webhookId, body),
  );
  r.store('delete', '/webhooks/:webhookId', { ...one, status: 204 }, ({ ctx, params }) =>
    webhooks.remove(ctx, params.webhookId),
  );
  r.store('post', '/webhooks/:webhookId/rotate-secret', one, ({ ctx, params }) =>
    webhooks.rotateSecret(ctx, params.webhookId),
  );
  r.store('post', '/webhooks/:webhookId/test', { ...one, status: 202 }, ({ ctx, params }) =>
    webhooks.sendTest(ctx, params.webhookId),
  );
  r.page(
    '/webhooks/:webhookId/deliveries',
    { ...one, query: s.listDeliveriesQuery },
    ({ ctx, params, query }) => webhooks.deliveries(ctx, params.webhookId, query),
  );
  r.store(
    'post',
    '/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    { ...admin, params: s.deliveryParams, status: 202 },
    ({ ctx, params }) => webhooks.redeliver(ctx, params.webhookId, params.deliveryId),
  );
}
