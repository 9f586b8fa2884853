import type { NamedRef } from '../../../lib/api-types';
import type { Product } from './types';

export type MovementReason =
  | 'sale'
  | 'purchase_receipt'
  | 'adjustment'
  | 'count'
  | 'return'
  | 'damaged'
  | 'expired'
  | 'spoiled'
  | 'lost'
  | 'theft'
  | 'import'
  | 'initial';

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
};

/** What a person may choose when adjusting by hand (sales and counts have their own forms). */
export const ADJUSTMENT_REASONS = [
  'adjustment',
  'purchase_receipt',
  'return',
  'damaged',
  'expired',
  'spoiled',
  'lost',
  'theft',
] as const satisfies readonly MovementReason[];

export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Which way each reason moves stock (the API refuses the other way); 0: either. */
export const REASON_DIRECTION: Record<AdjustmentReason, 1 | -1 | 0> = {
  adjustment: 0,
  purchase_receipt: 1,
  return: 1,
  damaged: -1,
  expired: -1,
  spoiled: -1,
  lost: -1,
  theft: -1,
};

export interface Movement {
  id: string;
  productId: string;
  delta: number;
  reason: MovementReason;
  referenceType: string | null;
  referenceId: string | null;
  note: string | null;
  userId: string | null;
  quantityAfter: number;
  createdAt: string;
}

export interface AdjustmentInput {
  delta: number;
  reason: AdjustmentReason;
  note?: string;
}

export interface CountInput {
  countedQuantity: number;
  note?: string;
}

/** Adjustments and counts answer the movement (null for a count with no difference) and the product. */
export interface StockResult {
  movement: Movement | null;
  product: Product;
}

export interface HistoryEntry {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: NamedRef | null;
  changedAt: string;
  reason: string | null;
}
