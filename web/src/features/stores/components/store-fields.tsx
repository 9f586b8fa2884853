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

// The currencies above by the regions that use them; Intl has no region → currency table.
const CURRENCY_OF_REGION: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  CH: 'CHF',
  LI: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  JP: 'JPY',
  IN: 'INR',
  SG: 'SGD',
  BR: 'BRL',
  MX: 'MXN',
  ZA: 'ZAR',
  ...Object.fromEntries(
    'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK AD MC SM VA ME'
      .split(' ')
      .map((region) => [region, 'EUR']),
  ),
};

/**
 * The currency of the browser's region (`de-AT` → EUR, `en-GB` → GBP): a new store's default.
 * A language without a region (`de`) takes its likeliest one; anything unknown is USD.
 */
export function browserCurrency(
  languages: readonly string[] = navigator.languages?.length
    ? navigator.languages
    : [navigator.language],
): string {
  for (const tag of languages) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      const currency = region && CURRENCY_OF_REGION[region];
      if (currency) return currency;
    } catch {
      // not a well-formed language tag: try the next one
    }
  }
  return 'USD';
}

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
          defaultValue={initial?.currency ?? browserCurrency()}
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
