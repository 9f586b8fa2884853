import { useTestApp } from '../../../test/app';
import { createProduct, nextEan13, storeWithMember } from '../../../test/factories';
import { postSale } from '../../../test/requests';

/** Finding a sale among many: by number, product (name, SKU, barcode) or customer. */
const t = useTestApp();

test('sales are found by number, by a product’s barcode, SKU or name, and by customer; only the store’s own', async () => {
  const s = await storeWithMember(t, 'employee');
  const barcode = nextEan13();
  const honey = await createProduct(s, {
    name: 'Wildflower Honey',
    sku: 'HONEY-1',
    barcode,
    initialQuantity: 9,
  });
  const tea = await createProduct(s, { name: 'Earl Grey Tea', sku: 'TEA-EG', initialQuantity: 9 });
  const sale = async (productId: string, customer?: object) =>
    (
      await postSale(s, {
        items: [{ productId, quantity: 1 }],
        ...(customer ? { customer } : {}),
      }).expect(201)
    ).body.data;
  const first = await sale(honey.id, { name: 'Grace Hopper', email: 'grace@navy.example' });
  const second = await sale(tea.id);
  const third = await sale(honey.id);
  const other = await storeWithMember(t, 'admin');
  const theirs = await createProduct(other, { name: 'Wildflower Honey', initialQuantity: 2 });
  await postSale(other, { items: [{ productId: theirs.id, quantity: 1 }] }).expect(201);

  const search = async (term: string) =>
    (
      await s.api
        .get(`${s.url}/sales?search=${encodeURIComponent(term)}`)
        .set(s.auth)
        .expect(200)
    ).body.data.map((x: { id: string }) => x.id);
  expect(await search('S-000002')).toEqual([second.id]);
  expect(await search('2')).toEqual([second.id]);
  expect(await search(barcode)).toEqual([third.id, first.id]);
  expect(await search('tea-eg')).toEqual([second.id]);
  expect(await search('wildflowr honey')).toEqual([third.id, first.id]);
  expect(await search('hopper')).toEqual([first.id]);
  expect(await search('NAVY.example')).toEqual([first.id]);
  expect(await search('%')).toEqual([]);
  expect(await search('nothing like it')).toEqual([]);
  await s.api
    .get(`${s.url}/sales?search=${'x'.repeat(101)}`)
    .set(s.auth)
    .expect(400);
});
