import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { SelectField } from '@/components/form-field';
import { useProductOptions } from '@/hooks/use-product-options';
import { toApiError } from '@/lib/api-error';
import { useUpdateInvoice } from '../api/update-invoice';
import type { InvoiceDetail } from '../api/types';

/**
 * An invoice without a supplier cannot be matched to what was ordered and received: the
 * review says so (the server's words) and lets the person set it. The lines are then matched
 * again against that supplier's orders and deliveries.
 */
export function SupplierNotice({ storeId, invoice }: { storeId: string; invoice: InvoiceDetail }) {
  const { suppliers } = useProductOptions(storeId);
  const setSupplier = useUpdateInvoice(storeId, invoice.id);
  const [supplierId, setSupplierId] = useState('');
  const [missing, setMissing] = useState(false);
  const apiError = setSupplier.error ? toApiError(setSupplier.error) : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMissing(!supplierId);
    if (supplierId) setSupplier.mutate({ supplierId });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Set the supplier">
      <p className="invoice-line__conflict">{invoice.supplierWarning}</p>
      <SelectField
        label="Supplier of this invoice"
        name="supplierId"
        value={supplierId}
        onChange={(e) => setSupplierId(e.target.value)}
        error={
          missing
            ? 'Choose the supplier.'
            : apiError && (apiError.fieldErrors.supplierId ?? apiError.message)
        }
        options={[
          { value: '', label: 'Choose a supplier…' },
          ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      <div className="form__actions">
        <Button
          type="submit"
          variant="secondary"
          busy={setSupplier.isPending}
          busyLabel="Matching…"
        >
          Set supplier and match again
        </Button>
      </div>
    </form>
  );
}
