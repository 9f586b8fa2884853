/**
 * Who owns each table. A module's SQL names only the tables it owns; it reaches another
 * module's data through that module's service, handed to it by the composition root.
 * `ownership.test.ts` scans every module's SQL against this map and checks that the table in
 * docs/architecture.md says the same.
 *
 * The owner is a module under `modules/`, or a shared layer (`http`, `platform`) for tables
 * no feature owns. `products` has two owners: `products` owns its catalogue columns,
 * `inventory` owns `quantity` and `last_sold_at` (the stock ledger).
 */
export const TABLE_OWNERS = {
  users: ['auth'],
  refresh_tokens: ['auth'],
  password_reset_tokens: ['auth'],
  stores: ['stores'],
  memberships: ['stores'],
  invitations: ['stores'],
  categories: ['categories'],
  suppliers: ['suppliers'],
  products: ['products', 'inventory'],
  product_history: ['products'],
  product_words: ['products'],
  stock_movements: ['inventory'],
  stock_counts: ['inventory'],
  sales: ['sales'],
  sale_items: ['sales'],
  sale_counters: ['sales'],
  sale_refunds: ['sales'],
  sale_refund_items: ['sales'],
  sales_snapshots: ['analytics'],
  sales_snapshot_products: ['analytics'],
  sales_snapshot_days: ['analytics'],
  purchase_orders: ['purchasing'],
  purchase_order_lines: ['purchasing'],
  purchase_order_counters: ['purchasing'],
  purchase_receipts: ['purchasing'],
  purchase_receipt_lines: ['purchasing'],
  supplier_items: ['purchasing'],
  shopping_lists: ['shopping-lists'],
  shopping_list_items: ['shopping-lists'],
  invoices: ['invoices'],
  invoice_lines: ['invoices'],
  invoice_line_receipts: ['invoices'],
  product_predictions: ['forecasting'],
  product_forecasts: ['forecasting'],
  demand_anomalies: ['forecasting'],
  report_results: ['reports'],
  outbox_events: ['events'],
  jobs: ['jobs'],
  mail_outbox: ['platform'],
  idempotency_keys: ['http'],
} as const satisfies Record<string, readonly string[]>;

export type Table = keyof typeof TABLE_OWNERS;

/**
 * Read models: files that may read tables other modules own, and why. Each one only reads
 * (the test fails on a write), answers a report-style question over many modules' data in
 * one query, and would need N calls or a copy of the data to do it through services.
 */
export const READ_MODELS: Readonly<Record<string, string>> = {};

/** The owners of a table, or undefined for a table this map does not know. */
export function ownersOf(table: string): readonly string[] | undefined {
  return (TABLE_OWNERS as Record<string, readonly string[]>)[table];
}
