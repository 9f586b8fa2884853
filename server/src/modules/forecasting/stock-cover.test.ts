import { expiryCap, shelfLifeDays, stockCover } from './stock-cover';

/** How long stock lasts and how much of a perishable is worth ordering: the pure rules. */

const today = '2026-12-07';
const line = (quantity: number, expectedAt: string | null) => ({
  purchaseOrderId: 'po',
  orderNumber: 'PO-2026-000001',
  supplierId: 's',
  status: 'processing' as const,
  quantity,
  expectedAt,
});

test('when deliveries arrive before the shelf is empty, then they extend it; one that arrives after does not', () => {
  // 2 at 1 a day: 2 days; 12 arrive on day 2 (in time): 14 days; 5 more on day 20: too late.
  expect(
    stockCover({
      stock: 2,
      perDay: 1,
      arrivals: [
        { inDays: 2, quantity: 12 },
        { inDays: 20, quantity: 5 },
      ],
    }),
  ).toEqual({ days: 14, limitedBy: 'demand' });
  expect(stockCover({ stock: 2, perDay: 1, arrivals: [{ inDays: 3, quantity: 12 }] })).toEqual({
    days: 2,
    limitedBy: 'demand',
  });
  expect(stockCover({ stock: 5, perDay: 0 })).toEqual({ days: null, limitedBy: null });
});

test('when the stock expires before it sells, then the days left stop at the expiry', () => {
  expect(stockCover({ stock: 382, perDay: 2, expiresInDays: 19 })).toEqual({
    days: 19,
    limitedBy: 'expiry',
  });
  expect(stockCover({ stock: 10, perDay: 2, expiresInDays: 19 })).toEqual({
    days: 5,
    limitedBy: 'demand',
  });
  expect(stockCover({ stock: 10, perDay: 2, expiresInDays: -3 })).toEqual({
    days: 0,
    limitedBy: 'expiry',
  });
});

test('when a product expires, then a delivery keeps from the last stock-in to the expiry, and the order is capped at what sells in those days less what is on order for them', () => {
  expect(shelfLifeDays('2026-12-12', '2026-12-07')).toBe(5);
  expect(shelfLifeDays('2026-12-07', '2026-12-07')).toBeUndefined();
  expect(shelfLifeDays(null, '2026-12-07')).toBeUndefined();
  const nothing = { quantity: 0, lines: [] };
  expect(expiryCap({ perDay: 12, shelfLife: 5, leadDays: 2, onOrder: nothing, today })).toEqual({
    units: 60,
    shelfLifeDays: 5,
  });
  // 20 due within the lead time plus the shelf life sell in the same days; 30 due later do not.
  const onOrder = { quantity: 50, lines: [line(20, '2026-12-10'), line(30, '2026-12-30')] };
  expect(expiryCap({ perDay: 12, shelfLife: 5, leadDays: 2, onOrder, today })?.units).toBe(40);
  const undated = { quantity: 70, lines: [line(70, null)] };
  expect(expiryCap({ perDay: 12, shelfLife: 5, leadDays: 2, onOrder: undated, today })?.units).toBe(
    0,
  );
  expect(expiryCap({ perDay: 12, shelfLife: undefined, leadDays: 2, onOrder, today })).toBe(
    undefined,
  );
});
