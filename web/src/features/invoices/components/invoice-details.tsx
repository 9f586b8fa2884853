import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { useUpdateInvoice } from '../api/update-invoice';
import type { InvoiceDetail } from '../api/types';

/** The invoice's number and date, as read or given at upload, correctable at any time. */
export function InvoiceDetails({ storeId, invoice }: { storeId: string; invoice: InvoiceDetail }) {
  const [editing, setEditing] = useState(false);
  const saving = useUpdateInvoice(storeId, invoice.id);
  const apiError = saving.error ? toApiError(saving.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const number = String(data.get('invoiceNumber') ?? '').trim();
    const date = String(data.get('invoiceDate') ?? '');
    saving.mutate(
      { invoiceNumber: number || null, invoiceDate: date || null },
      { onSuccess: () => setEditing(false) },
    );
  }

  if (!editing) {
    return (
      <p>
        Invoice number <span className="strong">{invoice.invoiceNumber ?? 'not given'}</span>, dated{' '}
        <span className="strong">{formatDate(invoice.invoiceDate)}</span>.{' '}
        <Button variant="ghost" onClick={() => setEditing(true)}>
          Edit number and date
        </Button>
      </p>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Invoice number and date">
      <ErrorBanner>
        {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
      </ErrorBanner>
      <TextField
        label="Invoice number"
        name="invoiceNumber"
        maxLength={64}
        defaultValue={invoice.invoiceNumber ?? ''}
        error={apiError?.fieldErrors.invoiceNumber}
        autoFocus
      />
      <TextField
        label="Invoice date"
        name="invoiceDate"
        type="date"
        defaultValue={invoice.invoiceDate ?? ''}
        error={apiError?.fieldErrors.invoiceDate}
      />
      <div className="form__actions">
        <Button
          variant="ghost"
          onClick={() => {
            saving.reset();
            setEditing(false);
          }}
        >
          Cancel
        </Button>
        <Button type="submit" busy={saving.isPending} busyLabel="Saving…">
          Save number and date
        </Button>
      </div>
    </form>
  );
}
