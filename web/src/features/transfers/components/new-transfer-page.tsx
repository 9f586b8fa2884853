import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { SelectField, TextAreaField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useStoreAccess } from '@/lib/store-access';
import { useCreateTransfer } from '../api/create-transfer';
import type { TransferInput } from '../api/types';
import { TransferLinesEditor, type DraftTransferLine } from './transfer-lines-editor';

const FORM_ID = 'transfer-form';

/** Another store the user belongs to, where stock can go. */
export interface TransferDestination {
  storeId: string;
  storeName: string;
}

function check(toStoreId: string, lines: DraftTransferLine[]): Record<string, string> {
  const found: Record<string, string> = {};
  if (!toStoreId) found.toStoreId = 'Choose the store to send to.';
  if (!lines.length) found.lines = 'Add at least one product.';
  lines.forEach((l, i) => {
    const q = Number(l.quantity);
    if (!Number.isInteger(q) || q < 1) found[`lines.${i}.quantity`] = 'Send at least 1 unit.';
  });
  return found;
}

/** A new transfer (a draft): where to, and which products; it is sent from its own page. */
export function NewTransferPage({ destinations }: { destinations: TransferDestination[] }) {
  const { storeId } = useStoreAccess();
  const navigate = useNavigate();
  const creating = useCreateTransfer(storeId);
  const idempotency = useIdempotencyKey();
  const [toStoreId, setToStoreId] = useState('');
  const [lines, setLines] = useState<DraftTransferLine[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apiError = creating.error ? toApiError(creating.error) : undefined;
  const all = { ...apiError?.fieldErrors, ...errors };
  const list = `/stores/${storeId}/transfers`;
  const others = destinations.filter((d) => d.storeId !== storeId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(toStoreId, lines);
    setErrors(found);
    if (Object.keys(found).length) return;
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    const input: TransferInput = {
      toStoreId,
      ...(note ? { note } : {}),
      lines: lines.map((l) => ({ productId: l.product.id, quantity: Number(l.quantity) })),
    };
    creating.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (transfer) => navigate(`${list}/${transfer.id}`),
        onSettled: (_r, e) => idempotency.settle(e),
      },
    );
  }

  return (
    <div className="page page--narrow">
      <Link to={list} className="back-link">
        <span aria-hidden="true">←</span> All transfers
      </Link>
      <PageHeader
        title="New transfer"
        subtitle="It starts as a draft: nothing moves until you send it."
      />
      <ErrorBanner>
        {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
      </ErrorBanner>
      <Card title="Transfer">
        <form id={FORM_ID} onSubmit={onSubmit} noValidate className="form">
          <SelectField
            label="Send to"
            name="toStoreId"
            value={toStoreId}
            onChange={(e) => setToStoreId(e.target.value)}
            error={all.toStoreId}
            hint={others.length ? undefined : 'You belong to no other store.'}
            options={[
              { value: '', label: 'Choose a store…' },
              ...others.map((d) => ({ value: d.storeId, label: d.storeName })),
            ]}
          />
          <TextAreaField label="Note" name="note" maxLength={500} error={all.note} />
        </form>
      </Card>
      <Card title="Products">
        <TransferLinesEditor storeId={storeId} lines={lines} onChange={setLines} errors={all} />
      </Card>
      <div className="form__actions">
        <Link to={list} className="btn btn--ghost">
          Cancel
        </Link>
        <Button type="submit" form={FORM_ID} busy={creating.isPending} busyLabel="Saving…">
          Save draft
        </Button>
      </div>
    </div>
  );
}
