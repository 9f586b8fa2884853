import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { storeKeys } from './store-keys';

export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type NewApiKey = RequestBody<'createApiKey'>;

/** The store's API keys, revoked and expired ones included (admins). */
export function useApiKeys(storeId: string) {
  return useQuery({
    queryKey: storeKeys.apiKeys(storeId),
    queryFn: () => apiClient.get('/stores/{storeId}/api-keys', { path: { storeId } }),
  });
}

/** A new key: the answer carries its token, which the server never shows again. */
export function useCreateApiKey(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiKey) =>
      apiClient.post('/stores/{storeId}/api-keys', { path: { storeId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.apiKeys(storeId) }),
  });
}

export function useRevokeApiKey(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      apiClient.delete('/stores/{storeId}/api-keys/{keyId}', { path: { storeId, keyId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storeKeys.apiKeys(storeId) }),
  });
}
