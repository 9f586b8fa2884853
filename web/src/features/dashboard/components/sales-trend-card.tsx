import { BarChart } from '@/components/bar-chart';
import { Card } from '@/components/card';
import { formatCount, formatDate, formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { TrendDay } from '../api/types';

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

function shortDay(date: string): string {
  return dayLabel.format(new Date(`${date}T00:00:00`));
}

export function SalesTrendCard({ trend }: { trend: TrendDay[] }) {
  const money = useMoney();
  // Without reports:view there is no revenue (the API sends null): the chart shows units
  // instead, and the table has no revenue column.
  const hidden = !useSeesMoney();
  const what = hidden ? 'Units sold' : 'Revenue';
  const valueOf = (d: TrendDay) => (hidden ? d.units : (d.revenue ?? 0));
  const total = trend.reduce((sum, d) => sum + valueOf(d), 0);
  const best = trend.reduce<TrendDay | undefined>(
    (top, d) => (!top || valueOf(d) > valueOf(top) ? d : top),
    undefined,
  );
  const show = (n: number) => (hidden ? formatCount(n, 'unit') : money(n));
  const description =
    best && valueOf(best) > 0
      ? `${what} per day over the last ${formatCount(trend.length, 'day')}, ${show(total)} in total. Best day: ${formatDate(best.date)} with ${show(valueOf(best))}.`
      : `No sales in the last ${formatCount(trend.length, 'day')}.`;

  return (
    <Card title="Sales trend" description={`${what} per day, last 30 days.`}>
      <BarChart
        title={`${what} per day, last 30 days`}
        description={description}
        bars={trend.map((d) => ({
          label: shortDay(d.date),
          value: valueOf(d),
          display: hidden
            ? formatCount(d.units, 'unit')
            : `${money(d.revenue)}, ${formatCount(d.units, 'unit')}`,
        }))}
      />
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="table-wrap table-wrap--inset">
          <table className="table" aria-label="Sales per day">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">
                  Sales
                </th>
                <th scope="col" className="num">
                  Units
                </th>
                {!hidden && (
                  <th scope="col" className="num">
                    Revenue
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {trend.map((d) => (
                <tr key={d.date}>
                  <td>{formatDate(d.date)}</td>
                  <td className="num">{formatNumber(d.orders)}</td>
                  <td className="num">{formatNumber(d.units)}</td>
                  {!hidden && <td className="num">{money(d.revenue)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Card>
  );
}
