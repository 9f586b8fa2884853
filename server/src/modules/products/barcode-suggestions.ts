import { barcodeSpellings, gs1CheckDigit } from '../../core/barcode';
import type { Db } from '../../db/pool';

/** How a suggested product's code is near the one scanned, closest first. */
export const NEAR_MATCHES = [
  'other_spelling',
  'sku',
  'one_digit_off',
  'digits_swapped',
  'same_prefix',
] as const;
export type NearMatch = (typeof NEAR_MATCHES)[number];

export interface BarcodeSuggestion {
  productId: string;
  name: string;
  sku: string;
  barcode: string | null;
  match: NearMatch;
}

/** At most this many suggestions; of them at most PREFIX_LIMIT sharing only a prefix. */
const LIMIT = 10;
const PREFIX_LIMIT = 5;
/** A GS1 company prefix is at least 6 digits; codes sharing 7 come from one maker's range. */
const PREFIX_LENGTH = 7;

const GS1 = /^(\d{8}|\d{12}|\d{13})$/;

/**
 * The codes a misread or mistyped GTIN most likely was: every code whose body differs in one
 * digit, or in two neighbouring digits swapped, each with its own check digit recomputed (so a
 * scan with one wrong digit still finds the product whose label it was).
 */
export function nearCodes(code: string): { oneDigitOff: string[]; swapped: string[] } {
  if (!GS1.test(code)) return { oneDigitOff: [], swapped: [] };
  const body = code.slice(0, -1);
  const withCheck = (b: string) => b + gs1CheckDigit(b);
  const oneDigitOff: string[] = [];
  const swapped: string[] = [];
  for (let i = 0; i < body.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === body[i]) continue;
      oneDigitOff.push(withCheck(body.slice(0, i) + d + body.slice(i + 1)));
    }
    if (i + 1 < body.length && body[i] !== body[i + 1])
      swapped.push(withCheck(body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2)));
  }
  return { oneDigitOff, swapped };
}

/** The first string after every string starting with `prefix` (its last character + 1). */
const afterPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

interface Candidate {
  id: string;
  name: string;
  sku: string;
  barcode: string | null;
}

/**
 * Products whose code is near an unknown one: the same GTIN written another way (UPC-A as
 * EAN-13), a SKU equal to it, one digit off or two swapped, then the same 7-digit prefix. Three
 * index lookups (barcode, SKU, barcode range), however large the catalogue.
 */
export async function barcodeSuggestions(
  db: Db,
  storeId: string,
  code: string,
): Promise<BarcodeSuggestion[]> {
  const spellings = barcodeSpellings(code).filter((c) => c !== code);
  const { oneDigitOff, swapped } = nearCodes(code);
  const prefix = code.length > PREFIX_LENGTH ? code.slice(0, PREFIX_LENGTH) : null;
  const { rows } = await db.query<Candidate>(
    `(SELECT id, name, sku, barcode FROM products
      WHERE store_id = $1 AND barcode = ANY($2::text[]) LIMIT ${LIMIT})
     UNION
     (SELECT id, name, sku, barcode FROM products
      WHERE store_id = $1 AND lower(sku) = lower($3) LIMIT 1)
     UNION
     (SELECT id, name, sku, barcode FROM products
      WHERE store_id = $1 AND $4::text IS NOT NULL AND barcode >= $4 AND barcode < $5
        AND barcode <> $3
      ORDER BY barcode LIMIT ${PREFIX_LIMIT})`,
    [
      storeId,
      [...spellings, ...oneDigitOff, ...swapped],
      code,
      prefix,
      prefix === null ? null : afterPrefix(prefix),
    ],
  );
  const sets: Record<NearMatch, (c: Candidate) => boolean> = {
    other_spelling: (c) => c.barcode !== null && spellings.includes(c.barcode),
    sku: (c) => c.sku.toLowerCase() === code.toLowerCase(),
    one_digit_off: (c) => c.barcode !== null && oneDigitOff.includes(c.barcode),
    digits_swapped: (c) => c.barcode !== null && swapped.includes(c.barcode),
    same_prefix: (c) => prefix !== null && c.barcode?.startsWith(prefix) === true,
  };
  const out: BarcodeSuggestion[] = [];
  for (const c of rows) {
    const match = NEAR_MATCHES.find((m) => sets[m](c));
    if (match) out.push({ productId: c.id, name: c.name, sku: c.sku, barcode: c.barcode, match });
  }
  const rank = (m: NearMatch) => NEAR_MATCHES.indexOf(m);
  return out
    .sort(
      (a, b) => rank(a.match) - rank(b.match) || (a.barcode ?? '').localeCompare(b.barcode ?? ''),
    )
    .slice(0, LIMIT);
}
