import { unprocessable } from '../../../files/limits';

export type RawRecord = Record<string, unknown>;

/** Header spellings people use → our field names. */
const HEADERS: Record<string, string> = {
  sku: 'sku',
  barcode: 'barcode',
  upc: 'barcode',
  ean: 'barcode',
  gtin: 'barcode',
  name: 'name',
  productname: 'name',
  description: 'description',
  category: 'category',
  supplier: 'supplier',
  vendor: 'supplier',
  brand: 'brand',
  department: 'department',
  unit: 'unit',
  packsize: 'packSize',
  price: 'price',
  retailprice: 'price',
  cost: 'cost',
  unitcost: 'cost',
  reorderpoint: 'reorderPoint',
  reorderquantity: 'reorderQuantity',
  reorderqty: 'reorderQuantity',
  aisle: 'aisle',
  row: 'row',
  bin: 'bin',
  expiresat: 'expiresAt',
  expirationdate: 'expiresAt',
  expiry: 'expiresAt',
  active: 'active',
  quantity: 'quantity',
  qty: 'quantity',
  stock: 'quantity',
};

export function mapHeaders(raw: unknown[]): Array<string | undefined> {
  const mapped = raw.map((h) => {
    const key = String(h ?? '')
      .toLowerCase()
      .replace(/[\s_\-.]/g, '');
    return Object.hasOwn(HEADERS, key) ? HEADERS[key] : undefined; // not "constructor"
  });
  if (!mapped.includes('name') || !mapped.includes('price')) {
    throw unprocessable(
      'The first row must be a header with at least the columns "name" and "price"',
    );
  }
  return mapped;
}

export function toRecord(headers: Array<string | undefined>, values: unknown[]): RawRecord {
  const out: RawRecord = {};
  headers.forEach((h, i) => {
    const v = values[i];
    if (h && v !== undefined && v !== '') out[h] = typeof v === 'string' ? v.trim() : v;
  });
  return out;
}
