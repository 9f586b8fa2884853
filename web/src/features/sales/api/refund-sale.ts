import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { approvalHeader } from './create-approval';
import { saleChanged } from './sale-changed';
import type { Refund, RefundInput } from './types';

export interface RefundSaleVariables {
  input: RefundInput;
  idempotencyKey: string;
  /** A manager's approval (an employee voiding or refunding). */
  approval?: string;
}

/** Some or all units of some lines, at the prices recorded on the sale. */
export function refundSale(
  storeId: string,
  saleId: string,
  { input, idempotencyKey, approval }: RefundSaleVariables,
): Promise<Refund> {
  return apiClient.post('/stores/{storeId}/sales/{id}/refunds', {
    path: { storeId, id: saleId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey, ...approvalHeader(approval) },
  });
}

export function useRefundSale(storeId: string, saleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: RefundSaleVariables) => refundSale(storeId, saleId, variables),
    onSuccess: () => saleChanged(queryClient, storeId),
  });
}
