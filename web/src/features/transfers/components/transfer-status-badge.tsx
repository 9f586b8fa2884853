import { TRANSFER_STATUS_LABELS, type TransferStatus } from '../api/types';

const TONE: Record<TransferStatus, string> = {
  draft: 'badge',
  sent: 'badge badge--info',
  received: 'badge badge--success',
  cancelled: 'badge badge--danger',
};

/** The status in words (colour only repeats it). */
export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  return <span className={TONE[status]}>{TRANSFER_STATUS_LABELS[status]}</span>;
}
