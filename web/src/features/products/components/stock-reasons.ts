import type { MovementReason } from '../api/types';

export const MOVEMENT_REASON_LABELS: Record<MovementReason, string> = {
  sale: 'Sale',
  purchase_receipt: 'Purchase receipt',
  adjustment: 'Adjustment',
  count: 'Stock count',
  return: 'Customer return',
  damaged: 'Damaged',
  expired: 'Expired',
  spoiled: 'Spoiled',
  lost: 'Lost',
  theft: 'Theft',
  import: 'Import',
  initial: 'Initial stock',
  void: 'Sale voided',
  transfer_out: 'Transfer out',
  transfer_in: 'Transfer in',
};
