import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useCan } from '@/lib/store-access';
import { useTaxRates } from '../api/checkout-settings';
import { useProductTaxRate, useSetProductTaxRate } from '../api/product-tax-rate';

const INHERIT = '';
const percent = (bps: number) => `${(bps / 100).toLocaleString('en-US')}%`;

/**
 * The product's own tax rate, on its edit page: managers and admins pick one of the store's
 * rates, or leave it to its category's (else the store default). Others see it.
 */
export function ProductTaxRateCard({ storeId, productId }: { storeId: string; productId: string }) {
  const canSet = useCan('sales:refund');
  const rates = useTaxRates(storeId);
  const own = useProductTaxRate(storeId, productId);
  const saving = useSetProductTaxRate(storeId, productId);
  const [picked, setPicked] = useState<string>();
  const apiError = saving.error ? toApiError(saving.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = picked ?? own.data?.taxRateId ?? INHERIT;
    saving.mutate(value === INHERIT ? null : value);
  }

  const options = [
    { value: INHERIT, label: 'Its category’s rate, else the store default' },
    ...(rates.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${percent(r.rateBps)})` })),
  ];
  return (
    <Card
      title="Tax rate"
      description="What the till charges on this product. Its own rate wins over its category’s."
    >
      {rates.isPending || own.isPending ? (
        <Loading label="Loading tax rates…" />
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          {saving.isSuccess && <StatusMessage>Tax rate saved.</StatusMessage>}
          <ErrorBanner>
            {apiError?.message ?? (own.error && toApiError(own.error).message)}
          </ErrorBanner>
          <SelectField
            label="Product’s tax rate"
            name="taxRateId"
            value={picked ?? own.data?.taxRateId ?? INHERIT}
            disabled={!canSet}
            onChange={(e) => {
              saving.reset();
              setPicked(e.target.value);
            }}
            options={options}
            hint={canSet ? undefined : 'Managers and admins choose it.'}
            error={apiError?.fieldErrors.taxRateId}
          />
          {canSet && (
            <div className="form__actions">
              <Button type="submit" variant="secondary" busy={saving.isPending} busyLabel="Saving…">
                Save tax rate
              </Button>
            </div>
          )}
        </form>
      )}
    </Card>
  );
}
