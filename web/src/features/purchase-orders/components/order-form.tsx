import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import type { OrderInput } from '../api/types';
import { OrderLinesEditor, type DraftLine } from './order-lines-editor';

const FORM_ID = 'purchase-order-form';

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

export type OrderFields = Pick<OrderInput, 'expectedAt' | 'notes' | 'lines'>;

interface Props {
  storeId: string;
  supplierId: string;
  /** The supplier's field: a select on a new order, its name on an order being edited. */
  supplierField: (error: string | undefined) => ReactNode;
  initial?: { expectedAt: string | null; notes: string | null; lines: DraftLine[] };
  busy: boolean;
  error: unknown;
  submitLabel: string;
  busyLabel: string;
  cancelTo: string;
  /** Edit: an unset date or notes are sent as null (cleared); new: left out. */
  onSubmit: (fields: OrderFields) => void;
}

/** A purchase order's header and lines, for a new order and for editing a pending one. */
export function OrderForm(props: Props) {
  const { storeId, supplierId, initial } = props;
  const [lines, setLines] = useState<DraftLine[]>(initial?.lines ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apiError = props.error ? toApiError(props.error) : undefined;
  const error = (name: string) => errors[name] ?? apiError?.fieldErrors[name];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const found = check(supplierId, lines);
    setErrors(found);
    if (Object.keys(found).length) return;
    const expectedAt = String(data.get('expectedAt') ?? '');
    const notes = String(data.get('notes') ?? '').trim();
    const clear = initial ? null : undefined;
    props.onSubmit({
      expectedAt: expectedAt || clear,
      notes: notes || clear,
      lines: lines.map((l) => ({
        productId: l.product.id,
        quantity: Number(l.quantity),
        unitCost: Number(Number(l.unitCost).toFixed(2)),
        allowOverReceipt: l.allowOverReceipt ?? false,
      })),
    });
  }

  const lineErrors = { ...apiError?.fieldErrors, ...errors };
  return (
    <>
      <ErrorBanner>
        {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
      </ErrorBanner>
      <Card title="Order">
        <form id={FORM_ID} onSubmit={onSubmit} noValidate className="form">
          {props.supplierField(error('supplierId'))}
          <TextField
            label="Expected delivery"
            name="expectedAt"
            type="date"
            defaultValue={initial?.expectedAt ?? ''}
            error={error('expectedAt')}
          />
          <TextAreaField
            label="Notes"
            name="notes"
            maxLength={2000}
            defaultValue={initial?.notes ?? ''}
            error={error('notes')}
          />
        </form>
      </Card>
      <Card title="Lines">
        <OrderLinesEditor
          storeId={storeId}
          supplierId={supplierId || undefined}
          lines={lines}
          onChange={setLines}
          errors={lineErrors}
        />
      </Card>
      <div className="form__actions">
        <Link to={props.cancelTo} className="btn btn--ghost">
          Cancel
        </Link>
        <Button type="submit" form={FORM_ID} busy={props.busy} busyLabel={props.busyLabel}>
          {props.submitLabel}
        </Button>
      </div>
    </>
  );
}
