import { describe, expect, it } from 'vitest';
import { usualDay } from './today-card';

const day = (date: string, orders: number, units: number, revenue: number | null = units * 2) => ({
  date,
  orders,
  units,
  revenue,
});

describe('a usual day of the weekday', () => {
  it('averages the same weekday of the weeks before, and nothing else', () => {
    // 2026-12-07 is a Monday; so are 30 Nov, 23 Nov and 16 Nov.
    const trend = [
      day('2026-11-16', 2, 10),
      day('2026-11-17', 50, 500),
      day('2026-11-23', 4, 20),
      day('2026-11-30', 6, 30),
      day('2026-12-06', 90, 900),
      day('2026-12-07', 1, 5),
    ];
    expect(usualDay(trend, trend.at(-1)!)).toEqual({ weeks: 3, orders: 4, units: 20, revenue: 40 });
  });

  it('does not count the empty days before the store first sold anything', () => {
    const trend = [
      day('2026-11-23', 0, 0),
      day('2026-11-30', 0, 0),
      day('2026-12-03', 2, 4),
      day('2026-12-07', 1, 1),
    ];
    expect(usualDay(trend, trend.at(-1)!)).toBeUndefined();
  });

  it('has nothing to say without an earlier day of the weekday', () => {
    const trend = [day('2026-12-06', 3, 3), day('2026-12-07', 1, 1)];
    expect(usualDay(trend, trend.at(-1)!)).toBeUndefined();
  });

  it('leaves money out for a role that does not see it', () => {
    const trend = [day('2026-11-30', 2, 4, null), day('2026-12-07', 1, 1, null)];
    expect(usualDay(trend, trend.at(-1)!)?.revenue).toBeNull();
  });
});
