import type { OrderStatus } from './purchasing.schemas';

/**
 * The order's life: pending → processing → shipped → completed, or cancelled from any state
 * before completed. `completed` is normally reached by receiving the last open unit; asked for
 * directly, it is allowed only when nothing is open (checked by the caller).
 */
export const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['processing', 'cancelled'],
  processing: ['shipped', 'completed', 'cancelled'],
  shipped: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Where deliveries may be received: once the order has gone to the supplier. */
export const RECEIVABLE: readonly OrderStatus[] = ['processing', 'shipped'];

export const canMove = (from: OrderStatus, to: OrderStatus) => NEXT[from].includes(to);

/** Why a transition is refused, in words that name both states and what to do instead. */
export function refusal(orderNumber: string, from: OrderStatus, to: OrderStatus): string {
  if (from === to) return `${orderNumber} is already ${from}`;
  if (from === 'completed' || from === 'cancelled') {
    return `${orderNumber} is ${from} and can no longer change (asked for ${to})`;
  }
  const allowed = NEXT[from].join(' or ');
  return `${orderNumber} is ${from}: it cannot become ${to}, only ${allowed}`;
}
