import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { ResponseData } from '@/lib/api/types';

export type InvitationLink = ResponseData<'getInvitationLink'>;

/** What an invitation's link stands for: its store, the invited address and the role. */
export function getInvitation(token: string): Promise<InvitationLink> {
  return apiClient.get('/auth/invitation', { query: { token } });
}

/** Asked once per token (it does not change); nothing without one. */
export function useInvitation(token: string | null) {
  return useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: () => getInvitation(token ?? ''),
    enabled: Boolean(token),
    staleTime: Infinity,
    retry: false,
  });
}
