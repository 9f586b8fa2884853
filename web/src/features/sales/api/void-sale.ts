import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { approvalHeader } from './create-approval';
import { saleChanged } from './sale-changed';
import type { Sale, VoidInput } from './types';

export interface VoidSaleVariables {
  input: VoidInput;
  idempotencyKey: string;
  /** A manager's approval (an employee voiding or refunding). */
  approval?: string;
}

/** Same day only; its stock comes back and it stops counting as revenue. */
export function voidSale(
  storeId: string,
  saleId: string,
  { input, idempotencyKey, approval }: VoidSaleVariables,
): Promise<Sale> {
  return apiClient.post('/stores/{storeId}/sales/{id}/void', {
    path: { storeId, id: saleId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey, ...approvalHeader(approval) },
  });
}

export function useVoidSale(storeId: string, saleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: VoidSaleVariables) => voidSale(storeId, saleId, variables),
    onSuccess: () => saleChanged(queryClient, storeId),
  });
}
