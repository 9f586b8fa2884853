import { AppError } from '../../core/errors';

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
}

/** Not enough on hand for a sale or a removal: every short product, with what it holds. */
export class InsufficientStockError extends AppError {
  constructor(details: Shortage[]) {
    super('INSUFFICIENT_STOCK', 'Not enough stock for this request', { details });
  }
}
