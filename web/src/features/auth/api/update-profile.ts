import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, ResponseData } from '@/lib/api/types';
import { meQueryKey } from '@/lib/query-keys';
import { setSessionUser } from '@/lib/session';

export type ProfileInput = RequestBody<'updateProfile'>;

export function updateProfile(input: ProfileInput): Promise<ResponseData<'updateProfile'>> {
  return apiClient.patch('/me', { body: input });
}

/** The new name and e-mail show at once, in this tab's session and every other's. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (me) => {
      setSessionUser(me.user);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
