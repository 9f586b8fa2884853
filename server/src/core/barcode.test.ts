import { checkBarcode, gs1CheckDigit } from './barcode';

test.each([
  ['036000291452', 'UPC-A'],
  ['4006381333931', 'EAN-13'],
  ['96385074', 'EAN-8'],
  ['5901234123457', 'EAN-13'],
  ['ABC-123/x', 'CODE-128'],
])('%s is a valid %s', (code, kind) => {
  expect(checkBarcode(code)).toEqual({ ok: true, kind });
});

test.each([
  ['036000291453', /check digit.*expected 2/],
  ['4006381333932', /check digit.*expected 1/],
  ['12345', /8 \(EAN-8\), 12 \(UPC-A\) or 13/],
  ['', /printable/],
  ['tab\there', /printable/],
  ['x'.repeat(49), /printable/],
])('%j is refused', (code, reason) => {
  const r = checkBarcode(code);
  expect(r.ok).toBe(false);
  expect(r.ok ? '' : r.reason).toMatch(reason);
});

test('the check digit follows GS1 weights from the right', () => {
  expect(gs1CheckDigit('03600029145')).toBe(2);
  expect(gs1CheckDigit('400638133393')).toBe(1);
});
