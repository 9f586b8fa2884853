import {
  addDays,
  cheapestSupplier,
  daysBetween,
  roundUpTo,
  suggest,
  type SupplierOption,
} from './suggestion';

/** The reorder arithmetic on its own: quantities, priorities and the words of a reason. */

const criteria = { daysAhead: 7, includeExpiring: false } as const;
const stock = (quantity: number, more: object = {}) => ({
  quantity,
  reorderPoint: 0,
  reorderQuantity: null,
  packSize: null,
  expiresAt: null,
  ...more,
});
const supplier = (more: Partial<SupplierOption> = {}): SupplierOption => ({
  supplierId: 's1',
  name: 'Acme',
  leadTimeDays: 4,
  leadTimeSource: 'supplier_terms',
  cost: 1,
  minOrderQuantity: 1,
  own: true,
  usable: true,
  ...more,
});

test('when stock lasts beyond the lead time but not the horizon, then medium, with the demand rounded up', () => {
  // 2 a day: 8 until delivery, 22 over 4 + 7 days; 10 on hand.
  expect(suggest(stock(10), 2, supplier(), criteria, '2026-12-02')).toEqual({
    suggestedQuantity: 12,
    priority: 'medium',
    reason: '10 left, sells 2/day, supplier needs 4 days',
  });
});

test('when the supplier needs one day and the product sells fast, then the words are singular and the rate whole', () => {
  const s = suggest(stock(1), 12.4, supplier({ leadTimeDays: 1 }), criteria, '2026-12-02')!;
  expect(s.reason).toBe('1 left, sells 12/day, supplier needs 1 day');
  expect(s.priority).toBe('urgent');
  expect(suggest(stock(0), 0.02, undefined, criteria, '2026-12-02')!.reason).toBe(
    'Out of stock, sells under 0.1/day, no supplier known',
  );
});

test('when a minimum order and packs apply, then the minimum comes first and packs round it up', () => {
  const s = suggest(
    stock(0, { packSize: 6 }),
    0,
    supplier({ minOrderQuantity: 10 }),
    criteria,
    '2026-12-02',
  )!;
  expect(s.suggestedQuantity).toBe(12);
  expect(roundUpTo(7, null)).toBe(7);
  expect(roundUpTo(0, 6)).toBe(0);
});

test('when nothing is low, short or expiring, then no suggestion', () => {
  expect(suggest(stock(50, { reorderPoint: 5 }), 1, supplier(), criteria, '2026-12-02')).toBe(
    undefined,
  );
});

test('when choosing a supplier, then known costs beat unknown ones, unusable suppliers are skipped and ties go to the own supplier', () => {
  const own = supplier({ supplierId: 'own', name: 'Zed', cost: 2 });
  const other = supplier({ supplierId: 'other', name: 'Abe', cost: 2, own: false });
  const unknown = supplier({ supplierId: 'unknown', name: 'Abe', cost: null, own: false });
  const off = supplier({ supplierId: 'off', cost: 0.5, own: false, usable: false });
  expect(cheapestSupplier([unknown, other, own, off])!.supplierId).toBe('own');
  expect(cheapestSupplier([unknown, other], new Set(['unknown']))!.supplierId).toBe('unknown');
  expect(cheapestSupplier([off])).toBe(undefined);
  expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
});

test('when stock expires within the horizon, then only what sells before it expires counts', () => {
  // 30 on hand expiring in 3 days at 2 a day: 6 usable; 2 × (4 + 7) = 22 needed.
  const s = suggest(
    stock(30, { expiresAt: '2026-12-05' }),
    2,
    supplier(),
    { ...criteria, includeExpiring: true },
    '2026-12-02',
  )!;
  expect(s).toEqual({
    suggestedQuantity: 16,
    priority: 'urgent',
    reason: '30 left, expires 2026-12-05, sells 2/day, supplier needs 4 days',
  });
  expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
});

test('when a product expires, then the quantity is capped at what sells before a delivery expires, in whole packs rounded down, and not listed when orders fill it', () => {
  const s = suggest(
    stock(0, { packSize: 6, expiresAt: '2026-12-10' }),
    12,
    supplier({ leadTimeDays: 2 }),
    criteria,
    '2026-12-02',
    { expiryCap: { units: 40, shelfLifeDays: 5 } },
  )!;
  // ceil(12 × 9) = 108 wanted; 40 sell before it expires: 36 in packs of 6.
  expect(s.suggestedQuantity).toBe(36);
  expect(s.reason).toBe(
    'Out of stock, sells 12/day, supplier needs 2 days, at most 40 sell in the 5 days a delivery keeps',
  );
  expect(
    suggest(stock(0), 12, supplier(), criteria, '2026-12-02', {
      expiryCap: { units: 0, shelfLifeDays: 5 },
    }),
  ).toBeUndefined();
});

test("when the supplier's minimum order is more than sells before a delivery expires, then the minimum is ordered and the reason says so", () => {
  const s = suggest(stock(0), 1, supplier({ minOrderQuantity: 12 }), criteria, '2026-12-02', {
    expiryCap: { units: 3, shelfLifeDays: 4 },
  })!;
  expect(s.suggestedQuantity).toBe(12);
  expect(s.reason).toBe(
    'Out of stock, sells 1/day, supplier needs 4 days, at most 3 sell in the 4 days a delivery keeps (Acme sells at least 12)',
  );
});

test("when a supplier's lead time is not known, then 7 days are assumed and the reason says so", () => {
  const s = suggest(
    stock(3),
    1,
    supplier({ leadTimeDays: 7, leadTimeSource: 'default' }),
    criteria,
    '2026-12-02',
  )!;
  // 1 a day over 7 + 7 days: 14, less 3; runs out in 3 days, before 7: urgent.
  expect(s).toEqual({
    suggestedQuantity: 11,
    priority: 'urgent',
    reason: '3 left, sells 1/day, lead time not known: 7 days assumed',
  });
});
