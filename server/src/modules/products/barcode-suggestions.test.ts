import { gs1CheckDigit } from '../../core/barcode';
import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember } from '../../test/factories';
import { nearCodes } from './barcode-suggestions';

/** An unknown barcode's lookup: still 404 NOT_FOUND, with the products it most likely meant. */
const t = useTestApp();

const ean13 = (body: string) => body + gs1CheckDigit(body);

test('when a GTIN is read with one digit wrong, then the codes near it include the right one with its own check digit', () => {
  const right = ean13('400638133393');
  const misread = ean13('400638133893');
  expect(nearCodes(misread).oneDigitOff).toContain(right);
  expect(nearCodes(ean13('400638133339')).swapped).toContain(right);
  expect(nearCodes('ABC-123')).toEqual({ oneDigitOff: [], swapped: [] });
});

test('when an unknown code is looked up, then 404 NOT_FOUND lists the products whose codes are near it, closest first', async () => {
  const s = await storeWithMember(t, 'employee');
  const label = await createProduct(s, { name: 'Oat milk', barcode: ean13('400638133393') });
  const neighbour = await createProduct(s, { name: 'Soy milk', barcode: ean13('400638155555') });
  const upc = await createProduct(s, { name: 'Cola', barcode: '0012345678905' });
  const bySku = await createProduct(s, { name: 'Bin bags', sku: 'BAG-50', barcode: null });
  await createProduct(s, { name: 'Far away', barcode: ean13('590123412345') });

  const lookup = (code: string) =>
    s.api.get(`${s.url}/products/lookup?barcode=${encodeURIComponent(code)}`).set(s.auth);

  const misread = await lookup(ean13('400638133893')).expect(404);
  expect(misread.body.error.code).toBe('NOT_FOUND');
  expect(misread.body.error.details).toEqual([
    expect.objectContaining({ productId: label.id, name: 'Oat milk', match: 'one_digit_off' }),
    expect.objectContaining({ productId: neighbour.id, match: 'same_prefix' }),
  ]);

  const asUpc = await lookup('012345678905').expect(404);
  expect(asUpc.body.error.details).toEqual([
    expect.objectContaining({ productId: upc.id, match: 'other_spelling' }),
  ]);

  const sku = await lookup('bag-50').expect(404);
  expect(sku.body.error.details).toEqual([
    expect.objectContaining({ productId: bySku.id, sku: 'BAG-50', match: 'sku' }),
  ]);

  // Nothing near: the plain 404 of before, no details.
  const none = await lookup(ean13('761234567890')).expect(404);
  expect(none.body.error.details).toBeUndefined();
  // A malformed code is still 400.
  await lookup('4006381333932').expect(400);
});

test('when another store has the product near the code, then it is not suggested; a non-member gets 403', async () => {
  const s = await storeWithMember(t, 'viewer');
  const other = await storeWithMember(t, 'manager');
  await createProduct(other, { name: 'Theirs', barcode: ean13('400638133393') });
  const res = await s.api
    .get(`${s.url}/products/lookup?barcode=${ean13('400638133893')}`)
    .set(s.auth)
    .expect(404);
  expect(res.body.error.details).toBeUndefined();
  const outsider = await memberOf(t, other.storeId, 'viewer');
  await outsider.api
    .get(`${s.url}/products/lookup?barcode=${ean13('400638133893')}`)
    .set(outsider.auth)
    .expect(403);
});
