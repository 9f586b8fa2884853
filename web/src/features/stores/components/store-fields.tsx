import { SelectField, TextField } from '@/components/form-field';
import type { FieldErrors } from '@/lib/forms';
import type { StoreInput } from '../api/types';

const CURRENCIES = [
  ['USD', 'US dollar'],
  ['EUR', 'Euro'],
  ['GBP', 'British pound'],
  ['CAD', 'Canadian dollar'],
  ['AUD', 'Australian dollar'],
  ['NZD', 'New Zealand dollar'],
  ['CHF', 'Swiss franc'],
  ['SEK', 'Swedish krona'],
  ['NOK', 'Norwegian krone'],
  ['DKK', 'Danish krone'],
  ['PLN', 'Polish złoty'],
  ['CZK', 'Czech koruna'],
  ['JPY', 'Japanese yen'],
  ['INR', 'Indian rupee'],
  ['SGD', 'Singapore dollar'],
  ['BRL', 'Brazilian real'],
  ['MXN', 'Mexican peso'],
  ['ZAR', 'South African rand'],
] as const;

export const browserTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function timezones(): string[] {
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [browserTimezone];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

function withCurrent(options: { value: string; label: string }[], current?: string) {
  if (!current || options.some((o) => o.value === current)) return options;
  return [{ value: current, label: current }, ...options];
}

/** Name, currency and timezone: the same fields when creating and editing a store. */
export function StoreFields({
  initial,
  errors,
}: {
  initial?: Partial<StoreInput>;
  errors: FieldErrors;
}) {
  const currencyOptions = withCurrent(
    CURRENCIES.map(([code, name]) => ({ value: code, label: `${code} — ${name}` })),
    initial?.currency,
  );
  const timezoneOptions = withCurrent(
    timezones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
    initial?.timezone,
  );
  return (
    <>
      <TextField
        label="Store name"
        name="name"
        defaultValue={initial?.name}
        maxLength={100}
        error={errors.name}
      />
      <div className="form__grid">
        <SelectField
          label="Currency"
          name="currency"
          defaultValue={initial?.currency ?? 'USD'}
          options={currencyOptions}
          error={errors.currency}
        />
        <SelectField
          label="Timezone"
          name="timezone"
          defaultValue={initial?.timezone ?? browserTimezone}
          options={timezoneOptions}
          error={errors.timezone}
        />
      </div>
    </>
  );
}
