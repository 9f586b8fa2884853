import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type PurchaseOrder = Schemas['PurchaseOrder'];
export type OrderLine = PurchaseOrder['lines'][number];
export type OrderStatus = Schemas['PurchaseOrderStatus'];
export type Receipt = Schemas['PurchaseReceipt'];
export type OrderInput = RequestBody<'createPurchaseOrder'>;
export type OrderChanges = RequestBody<'updatePurchaseOrder'>;
export type SendInput = NonNullable<RequestBody<'sendPurchaseOrder'>>;
export type StatusInput = RequestBody<'setPurchaseOrderStatus'>;
export type ReceiveInput = RequestBody<'receivePurchaseOrder'>;
export type ReceiveResult = ResponseData<'receivePurchaseOrder'>;
/** The list's query; several statuses travel comma-separated (`status=pending,processing`). */
export type OrderListParams = QueryParams<'listPurchaseOrders'>;

export const ORDER_STEPS: OrderStatus[] = ['pending', 'processing', 'shipped', 'completed'];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  processing: 'Sent to supplier',
  shipped: 'Shipped',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
