import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, nextCursorOf } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { notificationsKey } from '@/lib/query-keys';

export type Notification = Schemas['Notification'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type PreferencesInput = RequestBody<'setNotificationPreferences'>;

const keys = {
  list: (unread: boolean) => [...notificationsKey, 'list', { unread }] as const,
  unread: [...notificationsKey, 'unread'] as const,
  preferences: [...notificationsKey, 'preferences'] as const,
};

/** The signed-in user's notifications, newest first, 30 at a time. */
export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: keys.list(unread),
    queryFn: ({ pageParam }) =>
      apiClient.list('/notifications', {
        query: {
          limit: 30,
          ...(unread ? { unread: 'true' as const } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
      }),
    initialPageParam: '',
    getNextPageParam: nextCursorOf,
  });
}

/** Unread notifications in all (the header's bell). */
export function useUnreadCount({ enabled = true } = {}) {
  return useQuery({
    queryKey: keys.unread,
    queryFn: () => apiClient.get('/notifications/unread-count'),
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post('/notifications/{id}/read', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post('/notifications/read-all', { body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: () => apiClient.get('/me/notification-preferences'),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => apiClient.put('/me/notification-preferences', { body }),
    onSuccess: (saved) => queryClient.setQueryData(keys.preferences, saved),
  });
}
