import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useEmailReceipt } from '../api/email-receipt';
import type { Sale } from '../api/types';

/**
 * "E-mail receipt": the receipt as an HTML mail to the customer's e-mail on the sale, or to
 * another address typed here. The API sends one sale's receipt a few times an hour at most.
 */
export function EmailReceiptButton({ storeId, sale }: { storeId: string; sale: Sale }) {
  const [open, setOpen] = useState(false);
  const sending = useEmailReceipt(storeId, sale.id);
  const [sentTo, setSentTo] = useState<string>();
  const apiError = sending.error ? toApiError(sending.error) : undefined;

  function close() {
    sending.reset();
    setOpen(false);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    sending.mutate(email ? { email } : {}, {
      onSuccess: (sent) => {
        setSentTo(sent.sentTo);
        close();
      },
    });
  }

  return (
    <div className="receipt-email">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        E-mail receipt
      </Button>
      <StatusMessage>{sentTo ? `Receipt e-mailed to ${sentTo}.` : undefined}</StatusMessage>
      <Dialog
        open={open}
        onClose={close}
        title="E-mail receipt"
        description="The receipt goes to this address as an e-mail."
      >
        <form className="form" onSubmit={submit} noValidate>
          <ErrorBanner>
            {apiError && !apiError.fieldErrors.email ? apiError.message : undefined}
          </ErrorBanner>
          <TextField
            label="Customer e-mail"
            name="email"
            type="email"
            autoComplete="off"
            autoFocus
            defaultValue={sale.customer?.email ?? ''}
            error={apiError?.fieldErrors.email}
          />
          <div className="form__actions">
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" busy={sending.isPending} busyLabel="Sending…">
              Send receipt
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
