import type { Sale } from '../api/types';

export type Disposition = 'restock' | 'write_off' | 'none';

export const DISPOSITIONS: ReadonlyArray<{ value: Disposition; label: string }> = [
  { value: 'restock', label: 'Back in stock' },
  { value: 'write_off', label: 'Write off (damaged)' },
  { value: 'none', label: 'Not brought back' },
];

/** a / b rounded half up, for a ≥ 0 and b > 0 (integers). */
const divHalfUp = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

/**
 * What refunding `units` more of a line pays back, in cents, as the server works it out: the
 * line's total (after discounts, tax included) shared over its units, half up, so that all of
 * them pay back exactly the total.
 */
export function refundCents(line: Sale['items'][number], units: number): number {
  const total = Math.round(line.lineTotal * 100);
  const upTo = (n: number) => divHalfUp(total * n, line.quantity);
  return upTo(line.refundedQuantity + units) - upTo(line.refundedQuantity);
}
