import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { checkNumber, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useCountStock } from '../api/count-stock';
import type { CountInput, Product, StockResult } from '../api/types';

function describe({ movement, product }: StockResult): string {
  if (!movement) return `Count matches the records: ${formatNumber(product.quantity)} on hand.`;
  const sign = movement.delta > 0 ? '+' : '';
  return `Count recorded (${sign}${movement.delta}). Now ${formatNumber(product.quantity)} on hand.`;
}

export function CountStockForm({ storeId, product }: { storeId: string; product: Product }) {
  const count = useCountStock(storeId, product.id);
  const idempotency = useIdempotencyKey();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string>();
  const apiError = count.error ? toApiError(count.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = readForm(event);
    const found = collectErrors({
      countedQuantity: checkNumber(values.countedQuantity, {
        required: true,
        min: 0,
        integer: true,
      }),
    });
    setErrors(found);
    setDone(undefined);
    if (hasErrors(found)) return;
    const input: CountInput = {
      countedQuantity: Number(values.countedQuantity),
      ...(values.note ? { note: values.note } : {}),
    };
    count.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (result) => {
          form.reset();
          setDone(describe(result));
        },
        onSettled: (_result, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <Card title="Count stock" description="Enter what is on the shelf; the difference is booked.">
      <StatusMessage>{done}</StatusMessage>
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label="Counted quantity"
          name="countedQuantity"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          hint={`The records say ${formatNumber(product.quantity)}.`}
          error={errors.countedQuantity ?? apiError?.fieldErrors.countedQuantity}
        />
        <TextField
          label="Count note"
          name="note"
          maxLength={500}
          error={apiError?.fieldErrors.note}
        />
        <div className="form__actions">
          <Button type="submit" busy={count.isPending} busyLabel="Recording…">
            Record count
          </Button>
        </div>
      </form>
    </Card>
  );
}
