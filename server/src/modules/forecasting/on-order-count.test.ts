import { countOnOrder, onOrderCountWords, OVERDUE_GRACE_DAYS, stillComing } from './on-order-count';

/** What is on order that a need counts, and the words for all of it: the pure rules. */

const today = '2026-12-07';
const line = (quantity: number, expectedAt: string | null, n = 1) => ({
  purchaseOrderId: `po-${n}`,
  orderNumber: `PO-2026-00000${n}`,
  supplierId: 's',
  status: 'pending' as const,
  quantity,
  expectedAt,
});
const order = (...lines: ReturnType<typeof line>[]) => ({
  quantity: lines.reduce((n, l) => n + l.quantity, 0),
  lines,
});

test('when an order is overdue by up to the grace days, then it counts as coming; by more, it does not', () => {
  expect(OVERDUE_GRACE_DAYS).toBe(7);
  const onOrder = order(line(5, '2026-11-30', 1), line(12, '2026-11-29', 2));
  const c = countOnOrder(onOrder, today, '2026-12-20');
  expect(c.counted).toEqual(order(line(5, '2026-11-30', 1)));
  expect(c.overdue).toEqual(order(line(12, '2026-11-29', 2)));
  expect(c.later.quantity).toBe(0);
  expect(stillComing(onOrder, today)).toEqual(order(line(5, '2026-11-30', 1)));
  expect(onOrderCountWords(c, today)).toBe(
    '5 on order overdue since Nov 30, 12 more overdue since Nov 29, not counted: over 7 days late',
  );
});

test('when an order is due after the horizon, then it is not counted and said as "more" after what is', () => {
  const c = countOnOrder(
    order(line(3, '2026-12-08', 1), line(12, '2027-01-05', 2), line(4, null, 3)),
    today,
    '2026-12-16',
  );
  expect(c.counted.quantity).toBe(7);
  expect(onOrderCountWords(c, today)).toBe(
    '7 on order (3 due Dec 8, 4 no due date), 12 more due Jan 5, 2027, after the horizon',
  );
  const alone = countOnOrder(order(line(12, '2027-01-05')), today, '2026-12-16');
  expect(onOrderCountWords(alone, today)).toBe('12 on order due Jan 5, 2027, after the horizon');
});

test('when several stale orders are late since different days, then each day is said', () => {
  const c = countOnOrder(
    order(line(12, '2026-10-01', 1), line(8, '2026-10-20', 2)),
    today,
    '2026-12-16',
  );
  expect(onOrderCountWords(c, today)).toBe(
    '20 on order overdue (12 since Oct 1, 8 since Oct 20), not counted: over 7 days late',
  );
  expect(onOrderCountWords(countOnOrder(order(), today, today), today)).toBeUndefined();
});
