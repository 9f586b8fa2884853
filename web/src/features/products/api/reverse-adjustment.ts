import { apiClient } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { queryClient } from '@/lib/query-client';
import { stockChanged } from './adjust-stock';
import type { StockResult } from './types';

/**
 * Undoes an adjustment with a reversing movement: the same reason, the opposite delta, linked
 * to the original; the ledger keeps both. One key per undo, so a retried request undoes once.
 */
export async function reverseAdjustment(
  storeId: string,
  productId: string,
  movementId: string,
  idempotencyKey = newIdempotencyKey(),
): Promise<StockResult> {
  const result = await apiClient.post(
    '/stores/{storeId}/products/{id}/movements/{movementId}/reversal',
    {
      path: { storeId, id: productId, movementId },
      body: {},
      headers: { 'Idempotency-Key': idempotencyKey },
    },
  );
  // From a toast, after the page may have changed: the app's one query client, not a hook's.
  await stockChanged(queryClient, storeId, result);
  return result;
}
