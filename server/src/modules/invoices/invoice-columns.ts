/*
 * The names suppliers give their columns and header fields, in any order and case:
 * "Qty", "QUANTITY", "Unit Price", "unit_cost", "Item #"... A name is compared without case,
 * spaces, punctuation or a trailing colon.
 */

export type LineColumn = 'description' | 'quantity' | 'unitCost' | 'total' | 'upc' | 'sku';
export type HeaderField =
  'invoiceNumber' | 'invoiceDate' | 'dueDate' | 'supplierName' | 'subtotal' | 'tax' | 'total';

export const normalise = (v: unknown) =>
  String(v ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9#]/g, '');

const LINE_COLUMNS: Record<string, LineColumn> = {};
const alias = (to: LineColumn, ...names: string[]) => {
  for (const n of names) LINE_COLUMNS[normalise(n)] = to;
};
alias('description', 'description', 'item', 'item description', 'product', 'product name');
alias('description', 'name', 'item name', 'article', 'details', 'goods', 'desc');
alias('quantity', 'qty', 'quantity', 'qty shipped', 'quantity shipped', 'qty invoiced');
alias('quantity', 'units', 'qty delivered', 'quantity delivered', 'count', 'pcs');
alias('unitCost', 'unit cost', 'unit price', 'price', 'cost', 'rate', 'price each', 'each');
alias('unitCost', 'price per unit', 'cost per unit', 'net price', 'unit net');
alias('total', 'total', 'amount', 'line total', 'line amount', 'ext price', 'extended price');
alias('total', 'extended', 'net amount', 'value', 'total price', 'subtotal line', 'net total');
alias('upc', 'upc', 'barcode', 'ean', 'gtin', 'ean13', 'upc code', 'bar code', 'ean code');
alias('sku', 'sku', 'item code', 'code', 'item #', 'item no', 'item number', 'product code');
alias('sku', 'article number', 'art no', 'ref', 'reference', 'part number', 'part no', 'sku #');

const HEADER_FIELDS: Record<string, HeaderField> = {};
const field = (to: HeaderField, ...names: string[]) => {
  for (const n of names) HEADER_FIELDS[normalise(n)] = to;
};
field('invoiceNumber', 'invoice number', 'invoice no', 'invoice #', 'invoice', 'inv no', '#');
field('invoiceNumber', 'invoice num', 'invoice id', 'number', 'no', 'inv #', 'bill number');
field('invoiceDate', 'date', 'invoice date', 'issue date', 'issued', 'date of issue', 'inv date');
field('dueDate', 'due date', 'due', 'payment due', 'due by', 'pay by', 'payment due date');
field('supplierName', 'supplier', 'vendor', 'from', 'seller', 'supplier name', 'vendor name');
field('subtotal', 'subtotal', 'sub total', 'net', 'net total', 'total before tax', 'goods total');
field('tax', 'tax', 'vat', 'gst', 'sales tax', 'tax total', 'vat total', 'tax amount');
field('total', 'total', 'invoice total', 'grand total', 'total due', 'amount due', 'balance due');
field('total', 'total amount', 'total incl tax', 'total inc vat');

export const lineColumn = (v: unknown): LineColumn | undefined => {
  const key = normalise(v);
  return Object.hasOwn(LINE_COLUMNS, key) ? LINE_COLUMNS[key] : undefined;
};

export const headerField = (v: unknown): HeaderField | undefined => {
  const key = normalise(v);
  return Object.hasOwn(HEADER_FIELDS, key) ? HEADER_FIELDS[key] : undefined;
};

/** How people name the columns a line table needs, for messages. */
export const COLUMN_WORDS: Record<LineColumn, string> = {
  description: 'description (or item, product, name)',
  quantity: 'quantity (or qty)',
  unitCost: 'unit cost (or unit price, price, cost)',
  total: 'total (or amount, line total)',
  upc: 'UPC (or barcode, EAN, GTIN)',
  sku: 'SKU (or item code, code)',
};
