/**
 * Every event a store change announces, by name, with its payload. Events are written to the
 * outbox in the transaction of the change (modules/events), read by the feed
 * (`GET …/events`) and published from there after the commit to the WebSocket `/api/v1/ws`;
 * `openapi.yaml` describes each one as `StoreEvent` (a test holds the two equal).
 */
export interface EventMap {
  'inventory.stock_updated': {
    productId: string;
    delta: number;
    reason: string;
    quantity: number;
    movementId: string;
  };
  'alert.low_stock': { productId: string; quantity: number; reorderPoint: number };
  'alert.opened': {
    alertId: string;
    kind: string;
    subject: { type: string; id: string };
    title: string;
  };
  'alert.resolved': { alertId: string; kind: string; subjectId: string };
  /** A store's import, report or recalculation settled (jobs registered with `announce`). */
  'job.finished': {
    jobId: string;
    type: string;
    what: string;
    status: 'succeeded' | 'failed';
    error: string | null;
    startedBy: string | null;
  };
  'product.created': { productId: string; name: string; source: 'api' | 'import' };
  'product.updated': { productId: string; fields: string[] };
  'product.deleted': { productId: string };
  'category.created': { categoryId: string; name: string };
  'category.updated': { categoryId: string };
  'category.deleted': { categoryId: string };
  'supplier.created': { supplierId: string; name: string };
  'supplier.updated': { supplierId: string };
  'supplier.deleted': { supplierId: string };
  'sale.recorded': { saleId: string; number: number; total: number; itemCount: number };
  'sale.voided': { saleId: string; number: number; total: number; reason: string };
  'sale.refunded': {
    saleId: string;
    refundId: string;
    total: number;
    itemCount: number;
    restocked: boolean;
  };
  'purchase_order.updated': {
    purchaseOrderId: string;
    orderNumber: string;
    status: 'pending' | 'processing' | 'shipped' | 'completed' | 'cancelled';
    change: 'created' | 'edited' | 'status' | 'received' | 'deleted' | 'sent';
  };
  'invoice.updated': {
    invoiceId: string;
    status: 'pending' | 'paid';
    change: 'uploaded' | 'matched' | 'supplier' | 'details' | 'status' | 'reconciled' | 'deleted';
  };
  /** A stock transfer changed: told to both its stores (the one it leaves and the one it reaches). */
  'transfer.updated': {
    transferId: string;
    fromStoreId: string;
    toStoreId: string;
    status: 'draft' | 'sent' | 'received' | 'cancelled';
    change: 'created' | 'sent' | 'received' | 'cancelled';
  };
  'shopping_list.updated': {
    shoppingListId: string;
    change: 'generated' | 'edited' | 'items' | 'optimized' | 'ordered' | 'deleted';
  };
}

export type EventName = keyof EventMap;

/** Writes an event in the current change's transaction. */
export type Emit = <K extends EventName>(type: K, payload: EventMap[K]) => Promise<void>;

const NAMES: Record<EventName, true> = {
  'inventory.stock_updated': true,
  'alert.low_stock': true,
  'alert.opened': true,
  'alert.resolved': true,
  'job.finished': true,
  'product.created': true,
  'product.updated': true,
  'product.deleted': true,
  'category.created': true,
  'category.updated': true,
  'category.deleted': true,
  'supplier.created': true,
  'supplier.updated': true,
  'supplier.deleted': true,
  'sale.recorded': true,
  'sale.voided': true,
  'sale.refunded': true,
  'purchase_order.updated': true,
  'invoice.updated': true,
  'shopping_list.updated': true,
  'transfer.updated': true,
};
export const EVENT_NAMES = Object.keys(NAMES) as EventName[];
