import { ConfirmAction } from '@/components/confirm-action';
import { toApiError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useAdjustStock } from '../api/adjust-stock';
import type { AdjustmentInput, Product } from '../api/types';

type Expired = Pick<Product, 'id' | 'name' | 'quantity' | 'expiresAt'>;

/**
 * Writes the expired units off: one `expired` adjustment of everything on hand, through the
 * ledger like any adjustment (the product's expiry date is one for all its stock on hand).
 */
export function WriteOffExpired({ storeId, product }: { storeId: string; product: Expired }) {
  const adjust = useAdjustStock(storeId, product.id);
  const idempotency = useIdempotencyKey();
  const error = adjust.error ? toApiError(adjust.error).message : undefined;

  function onConfirm() {
    const input: AdjustmentInput = {
      delta: -product.quantity,
      reason: 'expired',
      note: `Written off: expired ${formatDate(product.expiresAt)}`,
    };
    adjust.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      { onSettled: (_r, e) => idempotency.settle(e) },
    );
  }

  return (
    <span className="write-off">
      <ConfirmAction
        action="Write off expired"
        subject={product.name}
        busy={adjust.isPending}
        onConfirm={onConfirm}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
