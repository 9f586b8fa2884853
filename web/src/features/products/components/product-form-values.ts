import { checkNumber, checkRequired, collectErrors, toNumber, type FieldErrors } from '@/lib/forms';
import type { Product, ProductChanges, ProductInput, ProductLocation } from '../api/types';

type Values = Record<string, string>;

/** GS1's check digit of the digits before it: weights 3, 1, 3, … from the right. */
function gs1CheckDigit(body: string): number {
  const sum = [...body]
    .reverse()
    .reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** Mirrors the server's barcode rule (core/barcode.ts), so it is said with the other fields. */
function checkBarcode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (!/^[\x20-\x7e]{1,48}$/.test(code)) return 'Use 1 to 48 printable characters.';
  if (!/^\d+$/.test(code)) return undefined;
  if (![8, 12, 13].includes(code.length))
    return 'A numeric barcode has 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits.';
  const expected = gs1CheckDigit(code.slice(0, -1));
  return expected === Number(code.at(-1))
    ? undefined
    : `The last digit should be ${expected}: check the barcode for a typo.`;
}

/**
 * Every field's problem at once, as the server would find it (format, range), so the form
 * never asks twice; what only the server knows (a SKU or barcode taken) comes in one answer.
 */
export function checkProductValues(values: Values, isNew: boolean): FieldErrors {
  return collectErrors({
    name: checkRequired(values.name, 'the product name'),
    sku:
      values.sku && !/^[\x21-\x7e]+$/.test(values.sku)
        ? 'Use letters, digits and symbols only, no spaces.'
        : undefined,
    barcode: checkBarcode(values.barcode),
    price: checkRequired(values.price, 'the retail price') ?? checkNumber(values.price, { min: 0 }),
    cost: checkNumber(values.cost, { min: 0 }),
    packSize: checkNumber(values.packSize, { min: 1, integer: true }),
    reorderPoint: checkNumber(values.reorderPoint, { min: 0, integer: true }),
    reorderQuantity: checkNumber(values.reorderQuantity, { min: 0, integer: true }),
    initialQuantity: isNew
      ? checkNumber(values.initialQuantity, { min: 0, integer: true })
      : undefined,
  });
}

function location(values: Values): ProductLocation | null {
  const aisle = values['location.aisle'] || null;
  const row = values['location.row'] || null;
  const bin = values['location.bin'] || null;
  return aisle || row || bin ? { aisle, row, bin } : null;
}

/** Every editable field as typed; an empty field is null (or left to the server's default). */
export function readProductValues(values: Values, active: boolean): ProductInput {
  return {
    sku: values.sku || undefined,
    barcode: values.barcode || null,
    name: values.name ?? '',
    description: values.description || null,
    categoryId: values.categoryId || null,
    supplierId: values.supplierId || null,
    brand: values.brand || null,
    department: values.department || null,
    unit: values.unit || null,
    packSize: toNumber(values.packSize),
    price: Number(values.price),
    // No field (a role that does not see costs): not sent, so the cost stays as it is.
    cost: values.cost === undefined ? undefined : toNumber(values.cost),
    reorderPoint: values.reorderPoint ? Number(values.reorderPoint) : 0,
    reorderQuantity: toNumber(values.reorderQuantity),
    location: location(values),
    expiresAt: values.expiresAt || null,
    active,
    initialQuantity: values.initialQuantity ? Number(values.initialQuantity) : undefined,
  };
}

function fromProduct(product: Product): ProductInput {
  const loc = product.location;
  return {
    sku: product.sku,
    barcode: product.barcode,
    name: product.name,
    description: product.description,
    categoryId: product.category?.id ?? null,
    supplierId: product.supplier?.id ?? null,
    brand: product.brand,
    department: product.department,
    unit: product.unit,
    packSize: product.packSize,
    price: product.price,
    cost: product.cost,
    reorderPoint: product.reorderPoint,
    reorderQuantity: product.reorderQuantity,
    location: loc && (loc.aisle || loc.row || loc.bin) ? loc : null,
    expiresAt: product.expiresAt,
    active: product.active,
  };
}

/** Only what the user changed, so the field history records real edits and nothing else. */
export function changedFields(product: Product, next: ProductInput): ProductChanges {
  const before: Record<string, unknown> = { ...fromProduct(product) };
  const { initialQuantity: _ignored, ...after } = next;
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key]),
    ),
  ) as ProductChanges;
}
