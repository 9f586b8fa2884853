import type { CatalogueRow, ProductRow } from './products.repo';

export type Product = ReturnType<typeof toProduct>;

export function toProduct(r: ProductRow) {
  const hasLocation =
    r.location_aisle !== null || r.location_row !== null || r.location_bin !== null;
  return {
    id: r.id,
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    description: r.description,
    category: r.category_id ? { id: r.category_id, name: r.category_name! } : null,
    supplier: r.supplier_id ? { id: r.supplier_id, name: r.supplier_name! } : null,
    brand: r.brand,
    department: r.department,
    unit: r.unit,
    packSize: r.pack_size,
    price: Number(r.price),
    cost: r.cost === null ? null : Number(r.cost),
    reorderPoint: r.reorder_point,
    reorderQuantity: r.reorder_quantity,
    location: hasLocation
      ? { aisle: r.location_aisle, row: r.location_row, bin: r.location_bin }
      : null,
    expiresAt: r.expires_at,
    active: r.active,
    quantity: r.quantity,
    lowStock: r.quantity <= r.reorder_point,
    outOfStock: r.quantity === 0,
    lastSoldAt: r.last_sold_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    image: r.image,
  };
}

/** The value of the sort column of a row, as the keyset cursor stores it. */
export function sortValue(r: CatalogueRow, sort: string): unknown {
  switch (sort) {
    case 'sku':
      return r.sku;
    case 'price':
      return r.price;
    case 'quantity':
      return r.quantity;
    case 'createdAt':
      return r.created_key;
    case 'updatedAt':
      return r.updated_key;
    default:
      return r.name;
  }
}

/** Flattens API input into column values (location splits into three columns). */
export function toColumns(input: Record<string, unknown>) {
  const {
    location,
    initialQuantity: _q,
    ...rest
  } = input as {
    location?: { aisle?: string | null; row?: string | null; bin?: string | null } | null;
    initialQuantity?: number;
  } & Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  if (location !== undefined) {
    out.locationAisle = location?.aisle ?? null;
    out.locationRow = location?.row ?? null;
    out.locationBin = location?.bin ?? null;
  }
  return out;
}
