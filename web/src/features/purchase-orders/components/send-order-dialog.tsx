import type { FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useSendPurchaseOrder } from '../api/send-purchase-order';
import type { PurchaseOrder, SendInput } from '../api/types';

interface Props {
  storeId: string;
  order: PurchaseOrder;
  open: boolean;
  onClose: () => void;
  onSent: (order: PurchaseOrder) => void;
}

/** E-mails the order's PDF to the supplier's address, or to another one typed here. */
export function SendOrderDialog({ storeId, order, open, onClose, onSent }: Props) {
  const sending = useSendPurchaseOrder(storeId, order.id);
  const apiError = sending.error ? toApiError(sending.error) : undefined;

  function close() {
    sending.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const to = String(data.get('to') ?? '').trim();
    const message = String(data.get('message') ?? '').trim();
    const input: SendInput = { ...(to ? { to } : {}), ...(message ? { message } : {}) };
    sending.mutate(input, { onSuccess: onSent });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`E-mail ${order.orderNumber} to ${order.supplier.name}`}
      description="The order goes as a PDF attachment. Its status does not change: mark it as sent once the supplier confirms."
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorBanner>
          {apiError && !apiError.fieldErrors.to ? apiError.message : undefined}
        </ErrorBanner>
        <TextField
          label="Send to"
          name="to"
          type="email"
          autoComplete="email"
          defaultValue={order.sentTo ?? ''}
          hint="Leave empty to use the supplier’s e-mail address."
          error={apiError?.fieldErrors.to}
        />
        <TextAreaField label="Message" name="message" maxLength={2000} hint="Optional." />
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={sending.isPending} busyLabel="Sending…">
            Send e-mail
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
