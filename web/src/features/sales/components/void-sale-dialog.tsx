import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextAreaField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney } from '@/lib/store-access';
import { needsApproval } from '../api/create-approval';
import { useVoidSale } from '../api/void-sale';
import { ApprovalDialog } from './approval-dialog';
import { useApprovalStep } from './use-approval-step';
import { saleLabel, type Sale, type VoidInput } from '../api/types';

interface VoidSaleDialogProps {
  storeId: string;
  sale: Sale;
  open: boolean;
  onClose: () => void;
  onVoided: () => void;
  /** The caller voids only with a manager's approval (an employee): said up front. */
  approvalNeeded?: boolean;
}

export function VoidSaleDialog({
  storeId,
  sale,
  open,
  onClose,
  onVoided,
  approvalNeeded,
}: VoidSaleDialogProps) {
  const money = useMoney();
  const voiding = useVoidSale(storeId, sale.id);
  const idempotency = useIdempotencyKey();
  const [reasonError, setReasonError] = useState<string>();
  const apiError =
    voiding.error && !needsApproval(voiding.error) ? toApiError(voiding.error) : undefined;
  const approval = useApprovalStep(send);

  function send(input: VoidInput, token?: string) {
    voiding.mutate(
      { input, idempotencyKey: idempotency.keyFor(input), approval: token },
      {
        onSuccess: onVoided,
        onError: (error) => approval.refused(error, input),
        onSettled: (_result, error) => idempotency.settle(error),
      },
    );
  }

  function close() {
    voiding.reset();
    setReasonError(undefined);
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!reason) {
      setReasonError('Say why the sale is voided.');
      return;
    }
    setReasonError(undefined);
    send({ reason });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Void sale ${saleLabel(sale)}`}
      description={`All ${formatCount(sale.itemCount, 'unit goes', 'units go')} back in stock and the ${money(sale.total)} no longer count as revenue. The sale stays on record, marked voided. This cannot be undone.`}
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorBanner>
          {apiError && !apiError.fieldErrors.reason ? apiError.message : undefined}
        </ErrorBanner>
        <TextAreaField
          label="Reason for voiding"
          name="reason"
          maxLength={500}
          required
          autoFocus
          error={reasonError ?? apiError?.fieldErrors.reason}
          hint="For example: scanned twice, wrong basket."
        />
        {approvalNeeded && (
          <p className="muted small">A manager or admin approves this void on this till next.</p>
        )}
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={voiding.isPending} busyLabel="Voiding…">
            Void sale
          </Button>
        </div>
      </form>
      <ApprovalDialog storeId={storeId} action="void" saleId={sale.id} {...approval.dialog} />
    </Dialog>
  );
}
