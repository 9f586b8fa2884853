import type { QueryParams, RequestBody, Schemas } from '@/lib/api/types';

export type Transfer = Schemas['Transfer'];
export type TransferSummary = Schemas['TransferSummary'];
export type TransferStatus = Schemas['TransferStatus'];
export type TransferLine = Transfer['lines'][number];
export type TransferListParams = NonNullable<QueryParams<'listTransfers'>>;
export type TransferInput = RequestBody<'createTransfer'>;
export type ReceiveTransferInput = RequestBody<'receiveTransfer'>;

/** A transfer's status in words: a sent one is in transit until it is received. */
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  draft: 'Draft',
  sent: 'In transit',
  received: 'Received',
  cancelled: 'Cancelled',
};
