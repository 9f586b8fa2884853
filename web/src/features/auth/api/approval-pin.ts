import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';

export type ApprovalPinInput = RequestBody<'setApprovalPin'>;
const key = ['me', 'approval-pin'] as const;

/** Whether the caller has an approval PIN (never the PIN itself). */
export function useApprovalPin() {
  return useQuery({ queryKey: key, queryFn: () => apiClient.get('/me/approval-pin') });
}

/** Sets or changes it; the current password confirms. */
export function useSetApprovalPin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApprovalPinInput) => apiClient.put('/me/approval-pin', { body }),
    onSuccess: (status) => queryClient.setQueryData(key, status),
  });
}

export function useRemoveApprovalPin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.delete('/me/approval-pin'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
