/**
 * Barcodes: all-digit codes of 8, 12 or 13 digits are EAN-8 / UPC-A / EAN-13 and must carry
 * a correct GS1 check digit; anything else is taken as Code 128 (printable ASCII).
 */
export type BarcodeCheck =
  { ok: true; kind: 'EAN-8' | 'UPC-A' | 'EAN-13' | 'CODE-128' } | { ok: false; reason: string };

const GS1_LENGTHS: Record<number, 'EAN-8' | 'UPC-A' | 'EAN-13'> = {
  8: 'EAN-8',
  12: 'UPC-A',
  13: 'EAN-13',
};

export function gs1CheckDigit(body: string): number {
  // From the right, digits are weighted 3, 1, 3, 1, ...
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function checkBarcode(code: string): BarcodeCheck {
  if (!/^[\x20-\x7e]{1,48}$/.test(code)) {
    return { ok: false, reason: 'must be 1 to 48 printable characters' };
  }
  if (/^\d+$/.test(code)) {
    const kind = GS1_LENGTHS[code.length];
    if (!kind) {
      return {
        ok: false,
        reason: 'a numeric barcode must have 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits',
      };
    }
    const expected = gs1CheckDigit(code.slice(0, -1));
    if (expected !== Number(code.at(-1))) {
      return { ok: false, reason: `has a wrong check digit for ${kind} (expected ${expected})` };
    }
    return { ok: true, kind };
  }
  return { ok: true, kind: 'CODE-128' };
}

/**
 * The ways one GTIN is written: a UPC-A (12 digits) is the EAN-13 with a leading zero, and a
 * GTIN-14 pads either with zeros. For matching a supplier's code to ours whichever we stored.
 */
export function barcodeSpellings(code: string): string[] {
  const c = code.trim();
  if (!/^\d{12,14}$/.test(c)) return c ? [c] : [];
  const bare = c.replace(/^0+/, '');
  const out = new Set([c]);
  for (const len of [12, 13]) if (bare.length <= len) out.add(bare.padStart(len, '0'));
  return [...out];
}
