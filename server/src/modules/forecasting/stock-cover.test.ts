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

const byDemand = (days: number, onHandExpiresUnsold = false) => ({
  days,
  limitedBy: 'demand',
  expiringStock: null,
  onHandExpiresUnsold,
});
const onHandExpires = (days: number) => ({
  days,
  limitedBy: 'expiry',
  expiringStock: 'on_hand',
  onHandExpiresUnsold: true,
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
  ).toEqual(byDemand(14));
  expect(stockCover({ stock: 2, perDay: 1, arrivals: [{ inDays: 3, quantity: 12 }] })).toEqual(
    byDemand(2),
  );
  expect(stockCover({ stock: 5, perDay: 0 })).toEqual({
    days: null,
    limitedBy: null,
    expiringStock: null,
    onHandExpiresUnsold: false,
  });
});

test('when the stock expires before it sells, then the days left stop at the expiry', () => {
  expect(stockCover({ stock: 382, perDay: 2, expiresInDays: 19 })).toEqual(onHandExpires(19));
  expect(stockCover({ stock: 10, perDay: 2, expiresInDays: 19 })).toEqual(byDemand(5));
  expect(stockCover({ stock: 10, perDay: 2, expiresInDays: -3 })).toEqual(onHandExpires(0));
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

/*
 * Review of issue 16, finding 12: the expiry date Nimbus knows is the stock on hand's; a
 * delivery keeps as long as a delivery does (from its arrival), so it is not cut at that date.
 * Broccoli: 59 on hand at 13.3 a day (4.4 days), expiring in 6 days; 60 due in 2 days.
 */
const broccoli = (deliveryKeepsDays?: number) =>
  stockCover({
    stock: 59,
    perDay: 13.3,
    arrivals: [{ inDays: 2, quantity: 60 }],
    expiresInDays: 6,
    deliveryKeepsDays,
  });

test('when the stock on hand sells out before it expires, then the delivery after it counts in full: about 9 days, not 6', () => {
  // Before: 6 days, "the stock expires on Dec 13, before it sells".
  expect(broccoli(10).days).toBeCloseTo(119 / 13.3, 5);
  expect(broccoli(10)).toEqual(expect.objectContaining(byDemand(broccoli(10).days!)));
  // A delivery of unknown shelf life is not cut either.
  expect(broccoli(undefined).limitedBy).toBe('demand');
});

test('when the delivery expires before it sells, then the days stop at its own expiry and say it was the delivery', () => {
  // The delivery arrives on day 2 and keeps 6 days: gone on day 8, before its last units sell.
  expect(broccoli(6)).toEqual({
    days: 8,
    limitedBy: 'expiry',
    expiringStock: 'delivery',
    onHandExpiresUnsold: false,
  });
});

test('when the stock on hand expires unsold but a delivery is already in, then the days go on with the delivery and the waste is flagged', () => {
  // 100 at 10 a day expire on day 3 (70 unsold); 50 arrived on day 2 sell from day 3 to day 8.
  expect(
    stockCover({
      stock: 100,
      perDay: 10,
      arrivals: [{ inDays: 2, quantity: 50 }],
      expiresInDays: 3,
    }),
  ).toEqual(byDemand(8, true));
  // A delivery due after the stock on hand has expired comes to an empty shelf: it does not count.
  expect(
    stockCover({
      stock: 100,
      perDay: 10,
      arrivals: [{ inDays: 4, quantity: 50 }],
      expiresInDays: 3,
    }),
  ).toEqual(onHandExpires(3));
});
