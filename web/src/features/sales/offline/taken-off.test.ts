import { describe, expect, it } from 'vitest';
import type { ScannedProduct, TillLine } from '../api/types';
import { takenOff } from './taken-off';

// The amount a manager is asked to approve: what the sale takes off its list prices, measured
// as the API measures it against an employee's limit (lower prices, line and sale discounts).

const line = (price: number, quantity: number, adjustment?: TillLine['adjustment']): TillLine => ({
  product: { id: `p-${price}`, name: 'Kettle', price } as ScannedProduct,
  quantity,
  adjustment,
});

describe('takenOff', () => {
  it('is nothing for a sale at list prices', () => {
    expect(takenOff([line(20, 2)])).toBe(0);
  });

  it('adds a lower unit price, a line discount and the sale discount on what is left', () => {
    const lines = [
      line(20, 2, { kind: 'price', value: 18, reason: 'Dented' }), // 4.00 off: 36.00 left
      line(5, 1, { kind: 'percent', value: 10 }), // 0.50 off: 4.50 left
    ];
    expect(takenOff(lines)).toBe(4.5);
    // 10% of the 40.50 left is 4.05 more.
    expect(takenOff(lines, { percent: 10 })).toBe(8.55);
    expect(takenOff(lines, { amount: 1 })).toBe(5.5);
  });

  it('counts a higher price as nothing taken off, and a discount larger than the sale as only the lower prices', () => {
    expect(takenOff([line(20, 1, { kind: 'price', value: 25, reason: 'Gift wrap' })])).toBe(0);
    expect(
      takenOff([line(20, 1, { kind: 'price', value: 19, reason: 'Dented' })], { amount: 50 }),
    ).toBe(1);
  });
});
