import type { FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextAreaField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import { useSetOrderStatus } from '../api/set-order-status';
import type { PurchaseOrder } from '../api/types';

interface Props {
  storeId: string;
  order: PurchaseOrder;
  open: boolean;
  onClose: () => void;
  onCancelled: () => void;
}

/** What cancelling means for this order, in words: received stock stays, the rest is off. */
function consequence(order: PurchaseOrder): string {
  const received = order.lines.reduce((n, l) => n + l.receivedQuantity, 0);
  const open = order.lines.reduce((n, l) => n + l.openQuantity, 0);
  const rest = `${formatCount(open, 'unit')} still open will no longer be expected`;
  return received
    ? `The ${formatCount(received, 'unit')} already received stay in stock; the ${rest}. This cannot be undone.`
    : `Nothing was received on it; the ${rest}. This cannot be undone.`;
}

export function CancelOrderDialog({ storeId, order, open, onClose, onCancelled }: Props) {
  const cancelling = useSetOrderStatus(storeId, order.id);
  const apiError = cancelling.error ? toApiError(cancelling.error) : undefined;

  function close() {
    cancelling.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    cancelling.mutate(
      { status: 'cancelled', ...(reason ? { reason } : {}) },
      { onSuccess: onCancelled },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Cancel ${order.orderNumber}?`}
      description={consequence(order)}
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorBanner>{apiError?.message}</ErrorBanner>
        <TextAreaField
          label="Reason for cancelling"
          name="reason"
          maxLength={500}
          autoFocus
          hint="Optional, kept with the order. For example: supplier out of stock."
        />
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            Keep the order
          </Button>
          <Button
            type="submit"
            variant="danger"
            busy={cancelling.isPending}
            busyLabel="Cancelling…"
          >
            Cancel order
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
