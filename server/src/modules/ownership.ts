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
  approval_pins: ['auth'],
  stores: ['stores'],
  memberships: ['stores'],
  invitations: ['stores'],
  api_keys: ['api-keys'],
  webhook_endpoints: ['webhooks'],
  webhook_deliveries: ['webhooks'],
  categories: ['categories'],
  suppliers: ['suppliers'],
  products: ['products', 'inventory'],
  product_history: ['products'],
  product_words: ['products'],
  stock_movements: ['inventory'],
  stock_counts: ['inventory'],
  stock_transfers: ['transfers'],
  stock_transfer_lines: ['transfers'],
  count_sessions: ['inventory'],
  count_session_lines: ['inventory'],
  sales: ['sales'],
  sale_items: ['sales'],
  sale_counters: ['sales'],
  sale_refunds: ['sales'],
  sale_refund_items: ['sales'],
  tax_rates: ['sales'],
  tax_rate_targets: ['sales'],
  checkout_settings: ['sales'],
  sale_approvals: ['sales'],
  cash_counts: ['sales'],
  dashboard_stock: ['analytics'],
  dashboard_sales_days: ['analytics'],
  dashboard_product_sales: ['analytics'],
  dashboard_sales_floors: ['analytics'],
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
  saved_reports: ['reports'],
  alerts: ['alerts'],
  notifications: ['notifications'],
  notification_preferences: ['notifications'],
  push_subscriptions: ['notifications'],
  store_schedules: ['schedules'],
  schedule_runs: ['schedules'],
  schedule_system_runs: ['schedules'],
  outbox_events: ['events'],
  outbox_positions: ['events'],
  jobs: ['jobs'],
  files: ['files'],
  mail_outbox: ['platform'],
  idempotency_keys: ['http'],
} as const satisfies Record<string, readonly string[]>;

export type Table = keyof typeof TABLE_OWNERS;

export interface ReadModel {
  /** The other modules' tables it reads (never writes). */
  reads: readonly Table[];
  /** Why it reads them itself instead of through their owners' reads. */
  why: string;
}

/**
 * The read models: modules whose answers are reports over many modules' rows, each allowed
 * to read the tables listed (and nothing else of others'; it never writes them). Everything
 * else reaches another module's data through that module's reads or service.
 */
export const READ_MODELS: Readonly<Record<string, ReadModel>> = {
  analytics: {
    reads: [
      'sales',
      'sale_items',
      'sale_refunds',
      'sale_refund_items',
      'products',
      'categories',
      'stores',
    ],
    why:
      'The dashboard: its running figures (stock by category, sales per day, units per product) ' +
      'are kept by triggers on products, sales, sale lines and refunds (migration 054) and it ' +
      'reads them with the category names; the best sellers are checked against the sale lines ' +
      "and refunds of the window, the slow sellers and expiring count read from the products' " +
      "indexes; the stores' time zones give the days the upkeep folds and the floors it raises. " +
      'Through services it would load every sale line of the window, or every product.',
  },
  reports: {
    reads: [
      'sales',
      'sale_items',
      'sale_refund_items',
      'products',
      'categories',
      'suppliers',
      'stores',
      'stock_movements',
      'purchase_orders',
      'purchase_order_lines',
    ],
    why:
      'Reports (valuation, consumption, waste, vendor performance, custom reports): aggregates ' +
      'over the whole store grouped by category or supplier, streamed as CSV or paged, in one ' +
      'query each; custom reports name their tables from a fixed whitelist (custom/whitelist.ts). ' +
      "Computed from the owners' rows on each run, so a report cannot drift from them.",
  },
};

/** The shared layers that own a table (no feature module does). */
export const LAYER_OWNERS = ['http', 'platform'] as const;

/** The owners of a table, or undefined for a table this map does not know. */
export function ownersOf(table: string): readonly string[] | undefined {
  return (TABLE_OWNERS as Record<string, readonly string[]>)[table];
}
