import { describe, expect, test } from 'vitest';
import { checkProductValues } from './product-form-values';

describe('the new-product form checks every field at once', () => {
  test('when several fields are wrong, then each has its message in the same round', () => {
    const errors = checkProductValues(
      { name: '', price: '-1', sku: 'has space', barcode: '4006381333932', packSize: '0' },
      true,
    );
    expect(Object.keys(errors).sort()).toEqual(['barcode', 'name', 'packSize', 'price', 'sku']);
    expect(errors.barcode).toBe('The last digit should be 1: check the barcode for a typo.');
  });

  test.each([
    ['4006381333931', undefined],
    ['036000291452', undefined],
    ['96385074', undefined],
    ['ABC-128 code', undefined],
    ['12345', 'A numeric barcode has 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits.'],
    ['036000291453', 'The last digit should be 2: check the barcode for a typo.'],
  ])('barcode %s is judged as the server judges it', (barcode, message) => {
    expect(checkProductValues({ name: 'Tea', price: '1', barcode }, true).barcode).toBe(message);
  });
});
