import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { CheckGroup } from '@/components/check-group';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { useCategories } from '@/hooks/use-categories';
import { useSuppliers } from '@/hooks/use-suppliers';
import { toApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useStoreAccess } from '@/lib/store-access';
import { useGenerateShoppingList } from '../api/generate-shopping-list';
import type { GenerateInput } from '../api/types';

/** A whole number from a field, or undefined when empty; NaN when it is not one. */
function wholeNumber(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function GenerateListPage() {
  const { storeId } = useStoreAccess();
  const navigate = useNavigate();
  const categories = useCategories(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const suppliers = useSuppliers(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const generate = useGenerateShoppingList(storeId);
  const idempotency = useIdempotencyKey();
  const [pickedCategories, setPickedCategories] = useState(new Set<string>());
  const [pickedSuppliers, setPickedSuppliers] = useState(new Set<string>());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apiError = generate.error ? toApiError(generate.error) : undefined;
  const fieldError = (field: string) =>
    errors[field] ?? apiError?.fieldErrors[`criteria.${field}`] ?? apiError?.fieldErrors[field];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const daysAhead = wholeNumber(form.get('daysAhead'));
    const threshold = wholeNumber(form.get('lowStockThreshold'));
    const found: Record<string, string> = {};
    if (daysAhead === undefined || Number.isNaN(daysAhead) || daysAhead > 365)
      found.daysAhead = 'Enter a whole number of days from 0 to 365.';
    if (Number.isNaN(threshold)) found.lowStockThreshold = 'Enter a whole number, or leave empty.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const name = String(form.get('name') ?? '').trim();
    const input: GenerateInput = {
      ...(name ? { name } : {}),
      criteria: {
        daysAhead: daysAhead ?? 7,
        ...(threshold !== undefined ? { lowStockThreshold: threshold } : {}),
        includeExpiring: form.get('includeExpiring') === 'on',
        ...(pickedCategories.size ? { categories: [...pickedCategories] } : {}),
        ...(pickedSuppliers.size ? { suppliers: [...pickedSuppliers] } : {}),
      },
    };
    generate.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (list) => navigate(`/stores/${storeId}/shopping-lists/${list.id}`),
        onSettled: (_list, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <div className="page page--narrow">
      <Link to={`/stores/${storeId}/shopping-lists`} className="back-link">
        <span aria-hidden="true">←</span> All reorder lists
      </Link>
      <PageHeader
        title="New reorder list"
        subtitle="Lists the products that are low, will run out before a delivery could arrive, or expire soon."
      />
      <Card>
        <form className="form" onSubmit={onSubmit} noValidate>
          <ErrorBanner>
            {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
          </ErrorBanner>
          <TextField
            label="Name"
            name="name"
            maxLength={120}
            hint="Leave empty for today's date."
          />
          <div className="grid grid--2">
            <TextField
              label="Days ahead"
              name="daysAhead"
              inputMode="numeric"
              defaultValue="7"
              required
              error={fieldError('daysAhead')}
              hint="Sales to cover after each supplier's lead time."
            />
            <TextField
              label="Low-stock threshold"
              name="lowStockThreshold"
              inputMode="numeric"
              error={fieldError('lowStockThreshold')}
              hint="Units; leave empty to use each product's reorder point."
            />
          </div>
          <div className="field field--checkbox">
            <input type="checkbox" id="include-expiring" name="includeExpiring" />
            <label htmlFor="include-expiring">Also replace stock that expires in that time</label>
          </div>
          <CheckGroup
            legend="Categories"
            hint="Only these categories; none ticked means all."
            options={categories.data?.items ?? []}
            selected={pickedCategories}
            onChange={setPickedCategories}
            error={apiError?.fieldErrors['criteria.categories']}
          />
          <CheckGroup
            legend="Suppliers"
            hint="Only what these suppliers sell; none ticked means all."
            options={suppliers.data?.items ?? []}
            selected={pickedSuppliers}
            onChange={setPickedSuppliers}
            error={apiError?.fieldErrors['criteria.suppliers']}
          />
          <div className="form__actions">
            <Button type="submit" busy={generate.isPending} busyLabel="Generating…">
              Generate list
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
