import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { countChanged, type StartCountInput } from './keys';

export interface StartCountVariables {
  input: StartCountInput;
  idempotencyKey: string;
}

export function startCount(storeId: string, { input, idempotencyKey }: StartCountVariables) {
  return apiClient.post('/stores/{storeId}/count-sessions', {
    path: { storeId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useStartCount(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: StartCountVariables) => startCount(storeId, variables),
    onSuccess: () => countChanged(queryClient, storeId),
  });
}
