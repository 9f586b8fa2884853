import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { clearSession } from '@/lib/session';

export function logout(): Promise<void> {
  return apiClient.post('/auth/logout', {});
}

/** Signing out always ends the local session, even when the server call fails. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      clearSession('signed-out');
      queryClient.clear();
    },
  });
}
