import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope, User } from '../../../lib/api-types';
import { meQueryKey } from '../../../lib/query-keys';

export type Role = 'admin' | 'manager' | 'employee' | 'viewer';

export interface Membership {
  storeId: string;
  storeName: string;
  role: Role;
  permissions: string[];
}

export interface Me {
  user: User;
  memberships: Membership[];
}

export async function getMe(): Promise<Me> {
  const res = await api.get<SuccessEnvelope<Me>>('/auth/me');
  return res.data.data;
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
