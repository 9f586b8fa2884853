/**
 * How a report groups products: the SQL of the group's id, name and SKU over `products p`
 * (with `categories c` and `suppliers s` joined), from these constants only, never from a
 * request.
 */
export const PRODUCT_GROUPS = {
  product: { id: 'p.id', name: 'p.name', sku: 'p.sku' },
  category: { id: 'p.category_id', name: "coalesce(c.name, 'Uncategorised')", sku: 'NULL::text' },
  supplier: { id: 'p.supplier_id', name: "coalesce(s.name, 'No supplier')", sku: 'NULL::text' },
} as const;

export type ProductGrouping = keyof typeof PRODUCT_GROUPS;

export const PRODUCT_JOINS = `JOIN products p ON p.id = x.product_id
  LEFT JOIN categories c ON c.id = p.category_id
  LEFT JOIN suppliers s ON s.id = p.supplier_id`;

/** At most this many rows in a report answered in the request (a job has them all). */
export const ROW_LIMIT = 500;

export const num = (v: string | number | null | undefined) => Number(v ?? 0);
export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
/** part / whole, or null when there is nothing to divide by. */
export const share = (part: number, whole: number, digits = 4) =>
  whole ? round(part / whole, digits) : null;
