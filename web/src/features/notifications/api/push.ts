import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/api-error';
import type { RequestBody } from '@/lib/api/types';
import { notificationsKey } from '@/lib/query-keys';
import {
  currentSubscription,
  pushSupport,
  subscribeBrowser,
  unsubscribeBrowser,
} from '@/lib/web-push';

export type PushSubscriptionInput = RequestBody<'subscribePush'>;

const keys = {
  config: [...notificationsKey, 'web-push'] as const,
  device: [...notificationsKey, 'web-push', 'this-device'] as const,
};

/** Whether the server sends Web Push, and the key to subscribe with. */
export function useWebPushConfig() {
  return useQuery({
    queryKey: keys.config,
    queryFn: () => apiClient.get('/me/web-push'),
    staleTime: Infinity,
  });
}

/** What this browser can do and whether it is subscribed now. */
export function useThisDevice() {
  return useQuery({
    queryKey: keys.device,
    queryFn: async () => ({
      support: pushSupport(),
      subscribed: (await currentSubscription()) !== null,
    }),
  });
}

function toInput(subscription: PushSubscription): PushSubscriptionInput {
  const json = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    expirationTime: subscription.expirationTime,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
}

/** Asks the user, subscribes this browser and tells the server. */
export function useTurnPushOn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (publicKey: string) => {
      const subscription = await subscribeBrowser(publicKey);
      return apiClient.post('/me/push-subscriptions', { body: toInput(subscription) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.device }),
  });
}

/** Tells the server first (so no push is sent to a dead subscription), then the browser. */
export function useTurnPushOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unsubscribeBrowser(async (endpoint) => {
        try {
          await apiClient.delete('/me/push-subscriptions', { query: { endpoint } });
        } catch (error) {
          // Already gone at the server (removed after the push service said so): go on.
          if (toApiError(error).status !== 404) throw error;
        }
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.device }),
  });
}
