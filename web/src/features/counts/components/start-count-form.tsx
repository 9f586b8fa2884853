import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { CheckboxField, SelectField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { useCategories } from '@/hooks/use-categories';
import { toApiError } from '@/lib/api-error';
import { readForm } from '@/lib/forms';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useCountAisles } from '../api/get-count-sessions';
import type { StartCountInput } from '../api/keys';
import { useStartCount } from '../api/start-count';

type Scope = StartCountInput['scope'];

const SCOPES = [
  { value: 'aisle', label: 'An aisle' },
  { value: 'category', label: 'A category' },
  { value: 'store', label: 'The whole store' },
];

/** A manager starts a count of an aisle, a category or the store, blind by default. */
export function StartCountForm({ storeId }: { storeId: string }) {
  const navigate = useNavigate();
  const start = useStartCount(storeId);
  const idempotency = useIdempotencyKey();
  const [scope, setScope] = useState<Scope>('aisle');
  const aisles = useCountAisles(storeId);
  const categories = useCategories(storeId, { limit: 100 });
  const apiError = start.error ? toApiError(start.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = readForm(event);
    const input: StartCountInput = {
      scope,
      blind: v.blind === 'on',
      ...(scope === 'aisle' ? { aisle: v.aisle } : {}),
      ...(scope === 'category' ? { categoryId: v.categoryId } : {}),
      ...(v.note ? { note: v.note } : {}),
    };
    start.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (s) => void navigate(`/stores/${storeId}/counts/${s.id}`),
        onSettled: (_r, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <Card
      title="Start a count"
      description="Counters see the products to count in walking order; in a blind count they do not see what the records say."
    >
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
        <SelectField
          label="Count"
          name="scope"
          value={scope}
          options={SCOPES}
          onChange={(e) => setScope(e.target.value as Scope)}
          error={apiError?.fieldErrors.scope}
        />
        {scope === 'aisle' && (
          <SelectField
            label="Aisle"
            name="aisle"
            options={(aisles.data ?? []).map((a) => ({ value: a, label: `Aisle ${a}` }))}
            hint={aisles.data?.length === 0 ? 'No product has an aisle yet.' : undefined}
            error={apiError?.fieldErrors.aisle}
          />
        )}
        {scope === 'category' && (
          <SelectField
            label="Category"
            name="categoryId"
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            error={apiError?.fieldErrors.categoryId}
          />
        )}
        <CheckboxField
          label="Blind count"
          name="blind"
          defaultChecked
          hint="Counters do not see the expected quantities."
        />
        <TextField label="Note" name="note" maxLength={500} error={apiError?.fieldErrors.note} />
        <div className="form__actions">
          <Button type="submit" busy={start.isPending} busyLabel="Starting…">
            Start count
          </Button>
        </div>
      </form>
    </Card>
  );
}
