import { countryCodeValues } from '@/lib/api/schema';

// The interface is in English, so are the country names; the API stores the ISO code.
const names = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  return names.of(code) ?? code;
}

/** Every ISO 3166-1 alpha-2 code the API accepts, by name, after "none". */
export const COUNTRY_OPTIONS = [
  { value: '', label: 'Not set' },
  ...countryCodeValues
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en')),
];
