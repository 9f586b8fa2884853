import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { CheckGroup } from '@/components/check-group';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { useCan, useStoreAccess } from '@/lib/store-access';
import {
  useCategoryChoices,
  useCreateTaxRate,
  useDeleteTaxRate,
  useTaxRates,
  useUpdateCheckoutSettings,
  type TaxRate,
} from '../api/checkout-settings';
import { useCheckoutSettings, type CheckoutSettings } from '../api/get-checkout-settings';

/** Tax and checkout for the store: prices with or without tax, rates, receipts, discounts. */
export function CheckoutSettingsPage() {
  const { storeId } = useStoreAccess();
  const canManage = useCan('settings:manage');
  const settings = useCheckoutSettings(storeId);
  const rates = useTaxRates(storeId);
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Tax and checkout"
        subtitle="How the till charges tax, what receipts show and how much employees may discount."
      />
      {!canManage && <p className="notice">Only store admins can change these settings.</p>}
      <Card title="Checkout">
        <QueryState query={settings} loading="Loading settings…">
          {(data) => (
            <SettingsForm
              key={JSON.stringify(data)}
              initial={data}
              rates={rates.data ?? []}
              canManage={canManage}
            />
          )}
        </QueryState>
      </Card>
      <Card
        title="Tax rates"
        description="A product's own rate wins over its category's, which wins over the default."
      >
        <QueryState
          query={rates}
          loading="Loading tax rates…"
          empty={<p className="muted">No tax rates yet.</p>}
        >
          {(list) => <RateList rates={list} canManage={canManage} />}
        </QueryState>
        {canManage && <NewRateForm />}
      </Card>
    </div>
  );
}

function SettingsForm({
  initial,
  rates,
  canManage,
}: {
  initial: CheckoutSettings;
  rates: TaxRate[];
  canManage: boolean;
}) {
  const { storeId } = useStoreAccess();
  const update = useUpdateCheckoutSettings(storeId);
  const error = update.error ? toApiError(update.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      pricesIncludeTax: form.get('pricesIncludeTax') === 'on',
      defaultTaxRateId: String(form.get('defaultTaxRateId') ?? '') || null,
      address: String(form.get('address') ?? ''),
      employeeDiscountLimitPercent: Number(form.get('employeeDiscountLimitPercent') || 0),
    });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isSuccess && <StatusMessage>Checkout settings saved.</StatusMessage>}
      <ErrorBanner>{error?.message}</ErrorBanner>
      <fieldset disabled={!canManage} className="form__fieldset">
        <CheckboxField
          label="Prices include tax"
          name="pricesIncludeTax"
          defaultChecked={initial.pricesIncludeTax}
          hint="Clear: tax is added at the till. Set: shelf prices already include it."
        />
        <SelectField
          label="Default tax rate"
          name="defaultTaxRateId"
          defaultValue={initial.defaultTaxRateId ?? ''}
          options={[
            { value: '', label: 'No tax' },
            ...rates.map((r) => ({ value: r.id, label: `${r.name} (${r.rateBps / 100}%)` })),
          ]}
          error={error?.fieldErrors.defaultTaxRateId}
        />
        <TextAreaField
          label="Address on receipts"
          name="address"
          maxLength={300}
          defaultValue={initial.address ?? ''}
          error={error?.fieldErrors.address}
        />
        <TextField
          label="Employee discount limit (%)"
          name="employeeDiscountLimitPercent"
          inputMode="decimal"
          defaultValue={String(initial.employeeDiscountLimitPercent)}
          hint="How much employees may take off a sale; 0: no discounts. Managers are not limited."
          error={error?.fieldErrors.employeeDiscountLimitPercent}
        />
      </fieldset>
      {canManage && (
        <div className="form__actions">
          <Button type="submit" busy={update.isPending} busyLabel="Saving…">
            Save checkout settings
          </Button>
        </div>
      )}
    </form>
  );
}

function RateList({ rates, canManage }: { rates: TaxRate[]; canManage: boolean }) {
  const { storeId } = useStoreAccess();
  const remove = useDeleteTaxRate(storeId);
  return (
    <>
      <ErrorBanner>{remove.error ? toApiError(remove.error).message : undefined}</ErrorBanner>
      <ul className="plain-list" aria-label="Tax rates">
        {rates.map((r) => (
          <li key={r.id} className="row-between">
            <span>
              <span className="strong">{r.name}</span> {r.rateBps / 100}%
              <span className="muted">
                {' '}
                · {r.categoryIds.length} categories, {r.productIds.length} products
              </span>
            </span>
            {canManage && (
              <Button
                variant="ghost"
                aria-label={`Delete tax rate ${r.name}`}
                busy={remove.isPending && remove.variables === r.id}
                onClick={() => remove.mutate(r.id)}
              >
                Delete
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function NewRateForm() {
  const { storeId } = useStoreAccess();
  const create = useCreateTaxRate(storeId);
  const categories = useCategoryChoices(storeId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const error = create.error ? toApiError(create.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const percent = Number(String(form.get('rate') ?? '').replace(',', '.'));
    create.mutate(
      {
        name: String(form.get('name') ?? ''),
        rateBps: Number.isFinite(percent) ? Math.round(percent * 100) : -1,
        categoryIds: [...chosen],
      },
      {
        onSuccess: () => {
          formEl.reset();
          setChosen(new Set());
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add a tax rate">
      <ErrorBanner>{error?.message}</ErrorBanner>
      <TextField label="Rate name" name="name" maxLength={50} error={error?.fieldErrors.name} />
      <TextField
        label="Rate (%)"
        name="rate"
        inputMode="decimal"
        error={error?.fieldErrors.rateBps}
      />
      {categories.data && categories.data.length > 0 && (
        <CheckGroup
          legend="Categories at this rate"
          hint="Optional: products in these categories are taxed at this rate."
          options={categories.data.map((c) => ({ id: c.id, name: c.name }))}
          selected={chosen}
          onChange={setChosen}
        />
      )}
      <div className="form__actions">
        <Button type="submit" variant="secondary" busy={create.isPending} busyLabel="Adding…">
          Add tax rate
        </Button>
      </div>
    </form>
  );
}
