import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { formatCount } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import { useDraftListCount } from '../api/get-draft-lists';
import { useDueDeliveryCount } from '../api/get-due-deliveries';
import type { Dashboard } from '../api/types';

type Day = Dashboard['salesTrend'][number];

const weekdayOf = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    timeZone: 'UTC',
  });

/**
 * The same weekday in the weeks before `today`, as far back as the trend goes and no further
 * than the first day anything was sold (the empty days before a store started trading are not
 * a usual day).
 */
export function usualDay(trend: readonly Day[], today: Day) {
  const weekday = new Date(`${today.date}T00:00:00Z`).getUTCDay();
  const trading = trend.find((d) => d.orders > 0)?.date ?? today.date;
  const before = trend.filter(
    (d) =>
      d.date >= trading &&
      d.date < today.date &&
      new Date(`${d.date}T00:00:00Z`).getUTCDay() === weekday,
  );
  if (!before.length) return undefined;
  const avg = (pick: (d: Day) => number) =>
    before.reduce((sum, d) => sum + pick(d), 0) / before.length;
  return {
    weeks: before.length,
    orders: avg((d) => d.orders),
    units: avg((d) => d.units),
    revenue: today.revenue === null ? null : avg((d) => d.revenue ?? 0),
  };
}

/**
 * Today's sales against a usual day of the same weekday, the deliveries due and the reorder
 * lists waiting.
 */
export function TodayCard({ storeId, dashboard }: { storeId: string; dashboard: Dashboard }) {
  const money = useMoney();
  const seesMoney = useSeesMoney();
  const drafts = useDraftListCount(storeId);
  const today = dashboard.salesTrend.at(-1);
  // The trend's last day is the store's today; the hook waits for it.
  const due = useDueDeliveryCount(storeId, today?.date ?? '');
  if (!today) return null;
  const usual = usualDay(dashboard.salesTrend, today);
  const weekday = weekdayOf(today.date);
  const base = `/stores/${storeId}`;
  const change =
    usual && usual.units > 0 ? Math.round(((today.units - usual.units) / usual.units) * 100) : null;
  return (
    <Card title="Today">
      <p>
        <Link to={`${base}/sales?from=${today.date}&to=${today.date}`}>
          {formatCount(today.orders, 'sale')}, {formatCount(today.units, 'unit')}
          {seesMoney && today.revenue !== null ? `, ${money(today.revenue)}` : ''}
        </Link>{' '}
        so far today.
      </p>
      <p className="muted">
        {usual
          ? `A usual ${weekday} (the last ${formatCount(usual.weeks, 'week')}): ` +
            `${Math.round(usual.orders)} sales, ${Math.round(usual.units)} units` +
            (seesMoney && usual.revenue !== null ? `, ${money(usual.revenue)}` : '') +
            (change === null
              ? '.'
              : change === 0
                ? '; today is level with it.'
                : `; today is ${Math.abs(change)}% ${change > 0 ? 'above' : 'below'} it.`)
          : `No earlier ${weekday} to compare with yet.`}
      </p>
      {due.data !== undefined && due.data > 0 && (
        <p>
          <Link to={`${base}/purchase-orders?status=processing,shipped&due=${today.date}`}>
            {formatCount(due.data, 'delivery', 'deliveries')} due by today, not yet received
          </Link>
        </p>
      )}
      {drafts.data !== undefined && drafts.data > 0 && (
        <p>
          <Link to={`${base}/shopping-lists`}>
            {formatCount(drafts.data, 'reorder list')} waiting as{' '}
            {drafts.data === 1 ? 'a draft' : 'drafts'}
          </Link>
        </p>
      )}
    </Card>
  );
}
