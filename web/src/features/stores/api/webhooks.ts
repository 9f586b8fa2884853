import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, nextCursorOf } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { storeKeys } from './store-keys';

export type Webhook = Schemas['WebhookEndpoint'];
export type CreatedWebhook = Schemas['CreatedWebhookEndpoint'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type NewWebhook = RequestBody<'createWebhook'>;
export type WebhookChange = RequestBody<'updateWebhook'>;

const deliveriesKey = (storeId: string, webhookId: string) =>
  [...storeKeys.webhooks(storeId), webhookId, 'deliveries'] as const;

/** The store's webhook endpoints (admins). */
export function useWebhooks(storeId: string) {
  return useQuery({
    queryKey: storeKeys.webhooks(storeId),
    queryFn: () => apiClient.get('/stores/{storeId}/webhooks', { path: { storeId } }),
  });
}

/** Everything about the store's webhooks (endpoints and their logs) is fetched again. */
function useRefresh(storeId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: storeKeys.webhooks(storeId) });
}

/** A new endpoint: the answer carries its signing secret, which the server never shows again. */
export function useCreateWebhook(storeId: string) {
  const onSuccess = useRefresh(storeId);
  return useMutation({
    mutationFn: (body: NewWebhook) =>
      apiClient.post('/stores/{storeId}/webhooks', { path: { storeId }, body }),
    onSuccess,
  });
}

export function useUpdateWebhook(storeId: string) {
  const onSuccess = useRefresh(storeId);
  return useMutation({
    mutationFn: ({ webhookId, body }: { webhookId: string; body: WebhookChange }) =>
      apiClient.patch('/stores/{storeId}/webhooks/{webhookId}', {
        path: { storeId, webhookId },
        body,
      }),
    onSuccess,
  });
}

export function useDeleteWebhook(storeId: string) {
  const onSuccess = useRefresh(storeId);
  return useMutation({
    mutationFn: (webhookId: string) =>
      apiClient.delete('/stores/{storeId}/webhooks/{webhookId}', { path: { storeId, webhookId } }),
    onSuccess,
  });
}

/** A new secret, answered once; the old one keeps signing for the overlap. */
export function useRotateWebhookSecret(storeId: string) {
  const onSuccess = useRefresh(storeId);
  return useMutation({
    mutationFn: (webhookId: string) =>
      apiClient.post('/stores/{storeId}/webhooks/{webhookId}/rotate-secret', {
        path: { storeId, webhookId },
      }),
    onSuccess,
  });
}

export function useSendTestEvent(storeId: string) {
  const onSuccess = useRefresh(storeId);
  return useMutation({
    mutationFn: (webhookId: string) =>
      apiClient.post('/stores/{storeId}/webhooks/{webhookId}/test', {
        path: { storeId, webhookId },
      }),
    onSuccess,
  });
}

export function useRedeliver(storeId: string, webhookId: string) {
  const onSuccess = useRefresh(storeId);
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiClient.post('/stores/{storeId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', {
        path: { storeId, webhookId, deliveryId },
      }),
    onSuccess,
  });
}

const PAGE = 20;

/**
 * An endpoint's delivery log, newest first ("Show more"); looked at again every few seconds
 * while a delivery is still pending or retrying.
 */
export function useWebhookDeliveries(storeId: string, webhookId: string) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(storeId, webhookId),
    queryFn: ({ pageParam }) =>
      apiClient.list('/stores/{storeId}/webhooks/{webhookId}/deliveries', {
        path: { storeId, webhookId },
        query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    initialPageParam: '',
    getNextPageParam: nextCursorOf,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) =>
        p.items.some((d) => d.status === 'pending' || d.status === 'retrying'),
      )
        ? 2000
        : false,
  });
}
