import type { QueryParams, RequestBody, Schemas } from '@/lib/api/types';

export type Sale = Schemas['Sale'];
export type SaleInput = RequestBody<'recordSale'>;
export type SaleListParams = QueryParams<'listSales'>;

/** What the till keeps of a scanned or picked product. */
export type ScannedProduct = Schemas['ProductPick'];

/** A line of the sale being rung up. */
export interface SaleLine {
  product: ScannedProduct;
  quantity: number;
}

/** A sale kept on this device until the server has it (see sale-outbox.ts). */
export interface QueuedSale {
  /** Sent with every attempt, so the server records the sale once however often it is sent. */
  idempotencyKey: string;
  storeId: string;
  userId: string;
  input: SaleInput;
  /** What the till showed, to list the sale and to put it back in the till if refused. */
  lines: SaleLine[];
  total: number;
  units: number;
  queuedAt: number;
  /** Why the server refused it (not enough stock, ...): it is not sent again as it is. */
  refusal?: string;
}
