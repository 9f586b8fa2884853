import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { approvalHeader } from './create-approval';
import { saleKeys, storeDataKeys } from './sale-keys';
import type { Sale, SaleInput } from './types';

export interface CreateSaleVariables {
  input: SaleInput;
  idempotencyKey: string;
  /** A manager's approval of a discount beyond the employee's limit. */
  approval?: string;
}

// A sale that has had no answer by then is handed to the outbox (same key, so never twice)
// instead of leaving "Recording sale…" on screen for as long as the connection hangs.
const SALE_TIMEOUT_MS = 10_000;

/** All lines or none: a short line fails the whole sale with INSUFFICIENT_STOCK. */
export function createSale(
  storeId: string,
  { input, idempotencyKey, approval }: CreateSaleVariables,
): Promise<Sale> {
  return apiClient.post('/stores/{storeId}/sales', {
    path: { storeId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey, ...approvalHeader(approval) },
    transport: { timeout: SALE_TIMEOUT_MS },
  });
}

/** A recorded sale changes the sales list, product quantities and the dashboard. */
export function refreshAfterSale(queryClient: QueryClient, storeId: string, sale: Sale) {
  queryClient.setQueryData(saleKeys.detail(storeId, sale.id), sale);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: saleKeys.all(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
  ]);
}

export function useCreateSale(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CreateSaleVariables) => createSale(storeId, variables),
    onSuccess: (sale) => refreshAfterSale(queryClient, storeId, sale),
  });
}
