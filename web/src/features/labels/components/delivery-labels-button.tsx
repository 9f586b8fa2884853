import { Button } from '@/components/button';
import { toApiError } from '@/lib/api-error';
import { usePrintLabels } from '../api/print-labels';

/**
 * "Labels for this delivery": barcode stickers, one per unit received on the order so far (every
 * delivery), as a PDF to print at 100% scale.
 */
export function DeliveryLabelsButton({
  storeId,
  purchaseOrderId,
}: {
  storeId: string;
  purchaseOrderId: string;
}) {
  const print = usePrintLabels(storeId);
  return (
    <>
      <Button
        variant="secondary"
        busy={print.isPending}
        busyLabel="Making the labels…"
        onClick={() => print.mutate({ kind: 'barcode', receipt: { purchaseOrderId } })}
      >
        Labels for this delivery
      </Button>
      {print.error && (
        <span className="field__error" role="alert">
          {toApiError(print.error).message}
        </span>
      )}
    </>
  );
}
