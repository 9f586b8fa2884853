import { apiClient } from '@/lib/api-client';
import { newIdempotencyKey } from '@/lib/idempotency';
import { queryClient } from '@/lib/query-client';
import { stockChanged } from './adjust-stock';
import { productPath } from './product-keys';
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
  const result = await apiClient.post<StockResult>(
    productPath(storeId, productId, `movements/${encodeURIComponent(movementId)}/reversal`),
    {},
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
  // From a toast, after the page may have changed: the app's one query client, not a hook's.
  await stockChanged(queryClient, storeId, result);
  return result;
}
