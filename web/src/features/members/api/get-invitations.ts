import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { memberKeys } from './member-keys';
import type { Invitation } from './types';

export async function getInvitations(storeId: string): Promise<Invitation[]> {
  const res = await api.get<SuccessEnvelope<Invitation[]>>(
    `/stores/${encodeURIComponent(storeId)}/invitations`,
  );
  return res.data.data;
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
