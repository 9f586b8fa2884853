/** GS1 check digit for the first 12 digits of an EAN-13 (weights 1,3,1,3,... from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`expected 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** A full EAN-13 from a GS1 prefix, a manufacturer code and an item reference. */
export function makeEan13(prefix: string, manufacturer: number, item: number): string {
  const body = `${prefix}${String(manufacturer).padStart(5, '0')}${String(item).padStart(5, '0')}`;
  const first12 = body.padEnd(12, '0').slice(0, 12);
  return `${first12}${ean13CheckDigit(first12)}`;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
