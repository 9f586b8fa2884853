/**
 * The custom report builder's whitelist: every dataset, field and piece of SQL a custom report
 * can use. Queries are built from these constants only; a request names them, it never
 * supplies SQL.
 */
import { namedTable } from '../../../core/lookup';

export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'uuid';

export interface FieldDef {
  label: string;
  type: FieldType;
  sql: string;
  groupable?: false;
}

export interface Dataset {
  label: string;
  /** FROM and JOINs; `st` is the store (for its time zone). */
  from: string;
  /** The column that scopes it to a store: `= $1`. */
  store: string;
  fields: Record<string, FieldDef>;
}

const f = (label: string, type: FieldType, sql: string, groupable?: false): FieldDef => ({
  label,
  type,
  sql,
  ...(groupable === false ? { groupable } : {}),
});
const localDate = (column: string) => `(${column} AT TIME ZONE st.timezone)::date`;

const product = {
  productId: f('Product id', 'uuid', 'p.id'),
  productName: f('Product', 'string', 'p.name'),
  sku: f('SKU', 'string', 'p.sku'),
  category: f('Category', 'string', 'c.name'),
  supplier: f('Supplier', 'string', 'sup.name'),
};
const productJoins = `JOIN products p ON p.id = x.product_id
  LEFT JOIN categories c ON c.id = p.category_id
  LEFT JOIN suppliers sup ON sup.id = p.supplier_id`;

const dataset = (d: Dataset): Dataset => ({ ...d, fields: namedTable(d.fields) });

/** Null-prototype tables: a request's names are looked up in them as they are. */
export const DATASETS: Readonly<Record<string, Dataset>> = namedTable({
  sales: dataset({
    label: 'Sales',
    from: 'sales x JOIN stores st ON st.id = x.store_id',
    store: 'x.store_id',
    fields: {
      id: f('Sale id', 'uuid', 'x.id'),
      number: f('Sale number', 'number', 'x.number'),
      soldAt: f('Sold at', 'datetime', 'x.sold_at'),
      soldDate: f('Day sold', 'date', localDate('x.sold_at')),
      status: f('Status', 'string', 'x.status'),
      total: f('Total', 'number', 'x.total'),
      itemCount: f('Items', 'number', 'x.item_count'),
      note: f('Note', 'string', 'x.note', false),
    },
  }),
  sale_items: dataset({
    label: 'Sale lines',
    from: `sale_items x JOIN sales sa ON sa.id = x.sale_id JOIN stores st ON st.id = x.store_id
      ${productJoins}`,
    store: 'x.store_id',
    fields: {
      saleId: f('Sale id', 'uuid', 'x.sale_id'),
      saleNumber: f('Sale number', 'number', 'sa.number'),
      saleStatus: f('Sale status', 'string', 'sa.status'),
      ...product,
      quantity: f('Quantity', 'number', 'x.quantity'),
      unitPrice: f('Unit price', 'number', 'x.unit_price'),
      lineTotal: f('Line total', 'number', 'x.line_total'),
      unitCost: f('Unit cost when sold', 'number', 'x.unit_cost'),
      soldAt: f('Sold at', 'datetime', 'x.sold_at'),
      soldDate: f('Day sold', 'date', localDate('x.sold_at')),
    },
  }),
  stock_movements: dataset({
    label: 'Stock movements',
    from: `stock_movements x JOIN stores st ON st.id = x.store_id ${productJoins}`,
    store: 'x.store_id',
    fields: {
      id: f('Movement id', 'uuid', 'x.id'),
      ...product,
      delta: f('Change', 'number', 'x.delta'),
      reason: f('Reason', 'string', 'x.reason'),
      quantityAfter: f('Quantity after', 'number', 'x.quantity_after'),
      unitCost: f('Unit cost at the time', 'number', 'x.unit_cost'),
      note: f('Note', 'string', 'x.note', false),
      createdAt: f('At', 'datetime', 'x.created_at'),
      createdDate: f('Day', 'date', localDate('x.created_at')),
    },
  }),
  products: dataset({
    label: 'Products',
    from: `products x
      LEFT JOIN categories c ON c.id = x.category_id
      LEFT JOIN suppliers sup ON sup.id = x.supplier_id`,
    store: 'x.store_id',
    fields: {
      id: f('Product id', 'uuid', 'x.id'),
      sku: f('SKU', 'string', 'x.sku'),
      barcode: f('Barcode', 'string', 'x.barcode'),
      name: f('Name', 'string', 'x.name'),
      category: f('Category', 'string', 'c.name'),
      supplier: f('Supplier', 'string', 'sup.name'),
      brand: f('Brand', 'string', 'x.brand'),
      department: f('Department', 'string', 'x.department'),
      unit: f('Unit', 'string', 'x.unit'),
      price: f('Price', 'number', 'x.price'),
      cost: f('Cost', 'number', 'x.cost'),
      quantity: f('Quantity', 'number', 'x.quantity'),
      reorderPoint: f('Reorder point', 'number', 'x.reorder_point'),
      active: f('Active', 'boolean', 'x.active'),
      expiresAt: f('Expires', 'date', 'x.expires_at'),
      createdAt: f('Created at', 'datetime', 'x.created_at'),
    },
  }),
  purchase_orders: dataset({
    label: 'Purchase orders',
    from: `purchase_orders x JOIN stores st ON st.id = x.store_id
      JOIN suppliers sup ON sup.id = x.supplier_id`,
    store: 'x.store_id',
    fields: {
      id: f('Order id', 'uuid', 'x.id'),
      orderNumber: f('Order number', 'string', 'x.order_number'),
      supplierId: f('Supplier id', 'uuid', 'x.supplier_id'),
      supplier: f('Supplier', 'string', 'sup.name'),
      status: f('Status', 'string', 'x.status'),
      total: f('Total', 'number', 'x.total'),
      orderedAt: f('Ordered at', 'datetime', 'x.ordered_at'),
      orderedDate: f('Day ordered', 'date', localDate('x.ordered_at')),
      expectedAt: f('Expected', 'date', 'x.expected_at'),
      completedAt: f('Completed at', 'datetime', 'x.completed_at'),
      cancelledAt: f('Cancelled at', 'datetime', 'x.cancelled_at'),
    },
  }),
});

export const OPERATORS = namedTable<readonly string[]>({
  string: ['eq', 'neq', 'contains', 'starts_with', 'in', 'is_null', 'not_null'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'is_null', 'not_null'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'not_null'],
  datetime: ['gt', 'gte', 'lt', 'lte', 'between', 'is_null', 'not_null'],
  boolean: ['eq', 'is_null', 'not_null'],
  uuid: ['eq', 'neq', 'in', 'is_null', 'not_null'],
}) as Readonly<Record<FieldType, readonly string[]>>;

/** The field types each aggregate takes; `count` also counts rows (no field). */
export const AGGREGATES = namedTable<readonly FieldType[]>({
  count: ['string', 'number', 'boolean', 'date', 'datetime', 'uuid'],
  sum: ['number'],
  avg: ['number'],
  min: ['number', 'string', 'date', 'datetime'],
  max: ['number', 'string', 'date', 'datetime'],
});

export const MAX_LIMIT = 10000;
export const DEFAULT_LIMIT = 1000;

/** The whitelist as `GET reports/custom/schema` shows it. */
export function customSchema() {
  return {
    datasets: Object.entries(DATASETS).map(([name, d]) => ({
      name,
      label: d.label,
      fields: Object.entries(d.fields).map(([field, def]) => ({
        name: field,
        label: def.label,
        type: def.type,
        groupable: def.groupable !== false,
      })),
    })),
    operators: OPERATORS,
    aggregates: AGGREGATES,
    maxLimit: MAX_LIMIT,
  };
}
