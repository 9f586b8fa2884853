import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { SelectField, TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { useSuppliers } from '@/hooks/use-suppliers';
import { toApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useStoreAccess } from '@/lib/store-access';
import { useCreatePurchaseOrder } from '../api/create-purchase-order';
import type { OrderInput } from '../api/types';
import { OrderLinesEditor, type DraftLine } from './order-lines-editor';

const FORM_ID = 'new-purchase-order';

/** Problems the browser can see before asking the server, keyed like the server's fields. */
function check(supplierId: string, lines: DraftLine[]): Record<string, string> {
  const found: Record<string, string> = {};
  if (!supplierId) found.supplierId = 'Choose the supplier.';
  if (!lines.length) found.lines = 'Add at least one product.';
  lines.forEach((l, i) => {
    const q = Number(l.quantity);
    if (!Number.isInteger(q) || q < 1) found[`lines.${i}.quantity`] = 'Order at least 1 unit.';
    const c = Number(l.unitCost);
    if (l.unitCost === '' || !Number.isFinite(c) || c < 0)
      found[`lines.${i}.unitCost`] = 'Give a unit cost of 0 or more.';
  });
  return found;
}

export function NewPurchaseOrderPage() {
  const { storeId } = useStoreAccess();
  const navigate = useNavigate();
  const suppliers = useSuppliers(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const creating = useCreatePurchaseOrder(storeId);
  const idempotency = useIdempotencyKey();
  const [supplierId, setSupplierId] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apiError = creating.error ? toApiError(creating.error) : undefined;
  const error = (name: string) => errors[name] ?? apiError?.fieldErrors[name];
  const orderable = (suppliers.data?.items ?? []).filter(
    (s) => s.status === 'active' || s.status === 'new',
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const found = check(supplierId, lines);
    setErrors(found);
    if (Object.keys(found).length) return;
    const expectedAt = String(data.get('expectedAt') ?? '');
    const notes = String(data.get('notes') ?? '').trim();
    const input: OrderInput = {
      supplierId,
      ...(expectedAt ? { expectedAt } : {}),
      ...(notes ? { notes } : {}),
      lines: lines.map((l) => ({
        productId: l.product.id,
        quantity: Number(l.quantity),
        unitCost: Number(Number(l.unitCost).toFixed(2)),
        allowOverReceipt: false,
      })),
    };
    creating.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (order) => navigate(`/stores/${storeId}/purchase-orders/${order.id}`),
        onSettled: (_r, e) => idempotency.settle(e),
      },
    );
  }

  const lineErrors = { ...apiError?.fieldErrors, ...errors };
  return (
    <div className="page page--narrow">
      <Link to={`/stores/${storeId}/purchase-orders`} className="back-link">
        <span aria-hidden="true">←</span> All purchase orders
      </Link>
      <PageHeader
        title="New purchase order"
        subtitle="It starts as pending: send it, then receive it."
      />
      <ErrorBanner>
        {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
      </ErrorBanner>
      <Card title="Order">
        <form id={FORM_ID} onSubmit={onSubmit} noValidate className="form">
          <SelectField
            label="Supplier"
            name="supplierId"
            value={supplierId}
            onChange={(e) => setSupplierId(e.target.value)}
            error={error('supplierId')}
            options={[
              { value: '', label: 'Choose a supplier…' },
              ...orderable.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <TextField
            label="Expected delivery"
            name="expectedAt"
            type="date"
            error={error('expectedAt')}
          />
          <TextAreaField label="Notes" name="notes" maxLength={2000} error={error('notes')} />
        </form>
      </Card>
      <Card title="Lines">
        <OrderLinesEditor storeId={storeId} lines={lines} onChange={setLines} errors={lineErrors} />
      </Card>
      <div className="form__actions">
        <Link to={`/stores/${storeId}/purchase-orders`} className="btn btn--ghost">
          Cancel
        </Link>
        <Button type="submit" form={FORM_ID} busy={creating.isPending} busyLabel="Creating…">
          Create purchase order
        </Button>
      </div>
    </div>
  );
}
