import type { Routes } from '../../http/route';
import type { ApiKeysService } from './api-keys.service';
import * as s from './api-keys.schemas';

/**
 * Routes under /api/v1/stores/:storeId: the store's API keys (admins, and people only: a key
 * never manages keys, whatever its role).
 */
export function apiKeysRoutes(r: Routes, { apiKeys }: { apiKeys: ApiKeysService }) {
  const admin = { permission: 'settings:manage', people: true } as const;
  r.store('get', '/api-keys', admin, ({ ctx }) => apiKeys.list(ctx));
  r.store('post', '/api-keys', { ...admin, body: s.createKeyBody, status: 201 }, ({ ctx, body }) =>
    apiKeys.create(ctx, body),
  );
  r.store(
    'patch',
    '/api-keys/:keyId',
    { ...admin, params: s.keyParams, body: s.renameKeyBody },
    ({ ctx, params, body }) => apiKeys.rename(ctx, params.keyId, body.name),
  );
  r.store(
    'delete',
    '/api-keys/:keyId',
    { ...admin, params: s.keyParams, status: 204 },
    ({ ctx, params }) => apiKeys.revoke(ctx, params.keyId),
  );
}
