import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney } from '@/lib/store-access';
import { useCountCash } from '../api/cash-up';

/** The manager enters the cash counted in the drawer; the API keeps it with the difference. */
export function CashCountForm({
  storeId,
  date,
  expected,
}: {
  storeId: string;
  date: string;
  expected: number;
}) {
  const money = useMoney();
  const counting = useCountCash(storeId);
  const idempotency = useIdempotencyKey();
  const [error, setError] = useState<string>();
  const apiError = counting.error ? toApiError(counting.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const raw = String(data.get('countedCash') ?? '').trim();
    const countedCash = Number(raw);
    if (!raw || !Number.isFinite(countedCash) || countedCash < 0) {
      setError('Enter the cash counted, for example 152.40.');
      return;
    }
    setError(undefined);
    const note = String(data.get('note') ?? '').trim();
    const input = { date, countedCash: Math.round(countedCash * 100) / 100, note: note || null };
    counting.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: () => form.reset(),
        onSettled: (_result, failure) => idempotency.settle(failure),
      },
    );
  }

  const done = counting.data;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {done && (
        <StatusMessage>
          Count saved: {money(done.countedCash)} counted,{' '}
          {done.difference === 0 ? 'no difference' : `difference ${money(done.difference)}`}.
        </StatusMessage>
      )}
      <ErrorBanner>
        {apiError && !apiError.fieldErrors.countedCash ? apiError.message : undefined}
      </ErrorBanner>
      <TextField
        label="Counted cash"
        name="countedCash"
        inputMode="decimal"
        autoComplete="off"
        hint={`Count the drawer; ${money(expected)} is expected from the day’s sales.`}
        error={error ?? apiError?.fieldErrors.countedCash}
      />
      <TextField label="Note (optional)" name="note" maxLength={500} autoComplete="off" />
      <div className="form__actions">
        <Button type="submit" busy={counting.isPending} busyLabel="Saving…">
          Save count
        </Button>
      </div>
    </form>
  );
}
