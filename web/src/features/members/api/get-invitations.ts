import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { memberKeys } from './member-keys';
import type { Invitation } from './types';

export function getInvitations(storeId: string): Promise<Invitation[]> {
  return apiClient.get('/stores/{storeId}/invitations', { path: { storeId } });
}

export function invitationsQueryOptions(storeId: string) {
  return queryOptions({
    queryKey: memberKeys.invitations(storeId),
    queryFn: () => getInvitations(storeId),
  });
}

export function useInvitations(storeId: string, enabled = true) {
  return useQuery({ ...invitationsQueryOptions(storeId), enabled });
}
