import { BarChart } from '@/components/bar-chart';
import { Card } from '@/components/card';
import { formatCount, formatDate, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { TrendDay } from '../api/types';

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

function shortDay(date: string): string {
  return dayLabel.format(new Date(`${date}T00:00:00`));
}

export function SalesTrendCard({ trend }: { trend: TrendDay[] }) {
  const money = useMoney();
  const revenue = trend.reduce((sum, d) => sum + d.revenue, 0);
  const best = trend.reduce<TrendDay | undefined>(
    (top, d) => (!top || d.revenue > top.revenue ? d : top),
    undefined,
  );
  const description =
    best && best.revenue > 0
      ? `Revenue per day over the last ${formatCount(trend.length, 'day')}, ${money(revenue)} in total. Best day: ${formatDate(best.date)} with ${money(best.revenue)}.`
      : `No sales in the last ${formatCount(trend.length, 'day')}.`;

  return (
    <Card title="Sales trend" description="Revenue per day, last 30 days.">
      <BarChart
        title="Revenue per day, last 30 days"
        description={description}
        bars={trend.map((d) => ({
          label: shortDay(d.date),
          value: d.revenue,
          display: `${money(d.revenue)}, ${formatCount(d.units, 'unit')}`,
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
                <th scope="col" className="num">
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.map((d) => (
                <tr key={d.date}>
                  <td>{formatDate(d.date)}</td>
                  <td className="num">{formatNumber(d.orders)}</td>
                  <td className="num">{formatNumber(d.units)}</td>
                  <td className="num">{money(d.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Card>
  );
}
