import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { stockShortages, toApiError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { checkNumber, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { adjustmentReasonValues } from '@/lib/api/schema';
import { useIdempotencyKey } from '@/lib/idempotency';
import { showToast } from '@/lib/toasts';
import { useAdjustStock } from '../api/adjust-stock';
import { reverseAdjustment } from '../api/reverse-adjustment';
import type { AdjustmentInput, AdjustmentReason, Product } from '../api/types';
import { MOVEMENT_REASON_LABELS } from './stock-reasons';

// What a person may choose when adjusting by hand (sales and counts have their own forms).
// Which way each reason may move stock is the API's rule: a contradiction is its 400 on `delta`.
const REASON_OPTIONS = adjustmentReasonValues.map((r) => ({
  value: r,
  label: MOVEMENT_REASON_LABELS[r],
}));

function checkDelta(value: string | undefined): string | undefined {
  if (!value) return 'Enter how many units to add or remove.';
  if (Number(value) === 0) return 'Enter a change other than zero.';
  return checkNumber(value, { integer: true });
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** The confirmation, with Undo: a reversing movement of the same reason (the ledger keeps both). */
function offerUndo(
  storeId: string,
  productId: string,
  movementId: string,
  delta: number,
  onHand: number,
) {
  showToast({
    message: `Stock adjusted by ${signed(delta)}. Now ${formatNumber(onHand)} on hand.`,
    duration: 8000,
    action: {
      label: 'Undo',
      run: () => {
        reverseAdjustment(storeId, productId, movementId).then(
          ({ product }) =>
            showToast({
              message: `Adjustment of ${signed(delta)} undone. Now ${formatNumber(product.quantity)} on hand.`,
            }),
          (error: unknown) =>
            showToast({
              tone: 'error',
              message: `Could not undo the adjustment: ${toApiError(error).message}`,
              duration: 10_000,
            }),
        );
      },
    },
  });
}

export function AdjustStockForm({ storeId, product }: { storeId: string; product: Product }) {
  const adjust = useAdjustStock(storeId, product.id);
  const idempotency = useIdempotencyKey();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = adjust.error ? toApiError(adjust.error) : undefined;
  const shortage = stockShortages(adjust.error).get(product.id);
  const deltaError =
    errors.delta ??
    (shortage
      ? `Only ${formatNumber(shortage.available)} available.`
      : apiError?.fieldErrors.delta);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(event);
    const found = collectErrors({
      delta: checkDelta(values.delta),
    });
    setErrors(found);
    if (hasErrors(found)) return;
    const input: AdjustmentInput = {
      delta: Number(values.delta),
      reason: values.reason as AdjustmentReason,
      ...(values.note ? { note: values.note } : {}),
    };
    adjust.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: ({ movement, product: after }) => {
          form.reset();
          offerUndo(storeId, product.id, movement!.id, input.delta, after.quantity);
        },
        onSettled: (_result, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <Card title="Adjust stock" description="Return, correct or write off units with a reason.">
      <ErrorBanner>{apiError && !shortage ? apiError.message : undefined}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form__grid">
          <TextField
            label="Quantity change"
            name="delta"
            type="number"
            step={1}
            inputMode="numeric"
            hint="Negative removes units, e.g. -2: returns add stock, write-offs remove it."
            error={deltaError}
          />
          <SelectField
            label="Reason"
            name="reason"
            defaultValue="adjustment"
            options={REASON_OPTIONS}
            hint="A delivery is received on its purchase order (or from the supplier's invoice), so the invoice can match it."
            error={apiError?.fieldErrors.reason}
          />
        </div>
        <TextField
          label="Adjustment note"
          name="note"
          maxLength={500}
          error={apiError?.fieldErrors.note}
        />
        <div className="form__actions">
          <Button type="submit" busy={adjust.isPending} busyLabel="Adjusting…">
            Adjust stock
          </Button>
        </div>
      </form>
    </Card>
  );
}
