import { normalQuantile } from './forecast/stats';
import { allocate, eoq, leadTimeSpread, reorderPoint, safetyStock } from './reorder-maths';

test('when the service level is a textbook one, then z is the normal table value', () => {
  expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
  expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
  expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
  expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 6);
  expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
});

test('when p is not strictly between 0 and 1, then the quantile refuses it', () => {
  expect(() => normalQuantile(1)).toThrow(RangeError);
  expect(() => normalQuantile(0)).toThrow(RangeError);
});

test('when demand varies, then safety stock is z times the spread of the lead-time total and the reorder point adds lead-time demand', () => {
  const ss = safetyStock(0.95, 4);
  expect(ss).toBeCloseTo(1.644854 * 4, 4);
  expect(reorderPoint(3, 4, ss)).toBeCloseTo(12 + ss, 6);
  expect(safetyStock(0.95, 0)).toBe(0);
});

test('when the forecast gives the spread of the total, then the lead time takes it; without one, σ·√L', () => {
  const totalSd = [2, 3.5, 5, 6.8];
  expect(leadTimeSpread({ sigma: 2, totalSd }, 4)).toBe(6.8);
  expect(leadTimeSpread({ sigma: 2, totalSd }, 3)).toBe(5);
  // beyond the forecast's horizon, or an older stored forecast without totals
  expect(leadTimeSpread({ sigma: 2, totalSd }, 9)).toBeCloseTo(6, 9);
  expect(leadTimeSpread({ sigma: 2 }, 4)).toBeCloseTo(4, 9);
  expect(leadTimeSpread({ sigma: 2, totalSd }, 0)).toBe(0);
});

test('when costs are known, then EOQ is √(2DS/H); without sales it is 0 and without a holding cost null', () => {
  expect(eoq(1000, 25, 2)).toBeCloseTo(Math.sqrt(25000), 9);
  expect(eoq(0, 25, 2)).toBe(0);
  expect(eoq(1000, 25, 0)).toBeNull();
});

test('when the budget is short, then the most urgent candidates are funded first and the rest trimmed or skipped', () => {
  const out = allocate(
    [
      { id: 'calm', quantity: 10, need: 10, unitCost: 1, rank: 1, urgency: 3, value: 100 },
      { id: 'urgent', quantity: 5, need: 5, unitCost: 10, rank: 0, urgency: 0.2, value: 10 },
      { id: 'soon', quantity: 10, need: 10, unitCost: 2, rank: 0, urgency: 0.9, value: 50 },
    ],
    65,
    null,
  );
  expect(out.get('urgent')).toEqual({ quantity: 5, limitedBy: null });
  expect(out.get('soon')).toEqual({ quantity: 7, limitedBy: 'budget' });
  expect(out.get('calm')).toEqual({ quantity: 1, limitedBy: 'budget' });
});

test('when storage is the tighter limit, then allocation stops at the room left and says so', () => {
  const out = allocate(
    [{ id: 'a', quantity: 50, need: 50, unitCost: 1, rank: 0, urgency: 0, value: 1 }],
    1000,
    20,
  );
  expect(out.get('a')).toEqual({ quantity: 20, limitedBy: 'storage' });
});

test('when an urgent item needs little but another wants a big economic order, then every need is funded before any top-up', () => {
  // The broccoli of issue 16: a cheap item whose EOQ would take the whole budget.
  const out = allocate(
    [
      { id: 'broccoli', quantity: 253, need: 20, unitCost: 1.97, rank: 1, urgency: 0.5, value: 30 },
      { id: 'eggs', quantity: 30, need: 30, unitCost: 3, rank: 0, urgency: 0, value: 10 },
      { id: 'milk', quantity: 40, need: 40, unitCost: 1.5, rank: 0, urgency: 0, value: 20 },
    ],
    500,
    null,
  );
  expect(out.get('milk')).toEqual({ quantity: 40, limitedBy: null });
  expect(out.get('eggs')).toEqual({ quantity: 30, limitedBy: null });
  // 500 − 60 − 90 = 350 left: broccoli gets its need and what the rest buys (177 of 253).
  expect(out.get('broccoli')).toEqual({ quantity: 177, limitedBy: 'budget' });
});
