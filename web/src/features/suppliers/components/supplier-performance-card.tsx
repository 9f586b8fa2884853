import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  Legend,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import { useSupplierPerformance } from '../api/get-supplier-performance';
import type { SupplierPerformance } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const days = (d: number | null) => (d === null ? '—' : `${formatNumber(d)} days`);
const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00`).toLocaleDateString(undefined, {
    month: 'short',
    year: '2-digit',
  });

/**
 * How the supplier delivers: the key figures, two charts and the same numbers as a table. The
 * charts are pictures of the table (hidden from screen readers, which read the table).
 */
export function SupplierPerformanceCard({
  storeId,
  supplierId,
}: {
  storeId: string;
  supplierId: string;
}) {
  const performance = useSupplierPerformance(storeId, supplierId);
  return (
    <Card title="Performance" description="From its purchase orders of the last 12 months.">
      <QueryState query={performance} loading="Loading performance…">
        {(data) => <Figures data={data} />}
      </QueryState>
    </Card>
  );
}

function Figures({ data }: { data: SupplierPerformance }) {
  const money = useMoney();
  // What was spent with the supplier is money: only for the roles that see it.
  const seesMoney = useSeesMoney();
  const { metrics } = data;
  const months = data.trends.map((t) => ({
    ...t,
    label: monthLabel(t.month),
    onTimePercent: t.onTimeRate === null ? null : Math.round(t.onTimeRate * 100),
  }));
  return (
    <>
      <ul className="stats" aria-label="Key figures">
        <Stat label="On-time delivery" value={percent(metrics.onTimeDeliveryRate)} />
        <Stat label="Average lead time" value={days(metrics.averageLeadTimeDays)} />
        <Stat
          label="Orders"
          value={formatNumber(metrics.totalOrders)}
          detail={
            metrics.cancelledOrders
              ? `${formatNumber(metrics.cancelledOrders)} cancelled, not counted`
              : undefined
          }
        />
        {seesMoney && (
          <>
            <Stat label="Ordered value" value={money(metrics.totalValue)} />
            <Stat
              label="Average order"
              value={metrics.averageOrderValue === null ? '—' : money(metrics.averageOrderValue)}
            />
          </>
        )}
      </ul>
      <div className="charts">
        <figure>
          <figcaption className="chart__title">
            {seesMoney ? 'Orders and value per month' : 'Orders per month'}
          </figcaption>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={months} accessibilityLayer={false}>
                <CartesianGrid stroke="var(--border)" vertical={false} />
                <XAxis dataKey="label" stroke="var(--text-muted)" fontSize={12} />
                {seesMoney && <YAxis yAxisId="value" stroke="var(--text-muted)" fontSize={12} />}
                <YAxis
                  yAxisId="orders"
                  orientation="right"
                  allowDecimals={false}
                  stroke="var(--text-muted)"
                  fontSize={12}
                />
                <Tooltip
                  contentStyle={{
                    background: 'var(--surface)',
                    border: '1px solid var(--border)',
                    color: 'var(--text)',
                  }}
                />
                <Legend wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
                {seesMoney && (
                  <Bar yAxisId="value" dataKey="value" name="Value" fill="var(--primary)" />
                )}
                <Bar yAxisId="orders" dataKey="orders" name="Orders" fill="var(--warning)" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <figure>
          <figcaption className="chart__title">On-time delivery per month (%)</figcaption>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={months} accessibilityLayer={false}>
                <CartesianGrid stroke="var(--border)" vertical={false} />
                <XAxis dataKey="label" stroke="var(--text-muted)" fontSize={12} />
                <YAxis domain={[0, 100]} stroke="var(--text-muted)" fontSize={12} />
                <Tooltip
                  contentStyle={{
                    background: 'var(--surface)',
                    border: '1px solid var(--border)',
                    color: 'var(--text)',
                  }}
                />
                <Line
                  dataKey="onTimePercent"
                  name="On time %"
                  stroke="var(--success)"
                  strokeWidth={2}
                  connectNulls
                  dot
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
      </div>
      <TableWrap label="Performance per month">
        <table className="table" aria-label="Performance per month">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Orders
              </th>
              {seesMoney && (
                <th scope="col" className="num">
                  Value
                </th>
              )}
              <th scope="col" className="num">
                On time
              </th>
              <th scope="col" className="num">
                Lead time
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.label}</th>
                <td className="num">{formatNumber(m.orders)}</td>
                {seesMoney && <td className="num">{money(m.value)}</td>}
                <td className="num">{percent(m.onTimeRate)}</td>
                <td className="num">{days(m.averageLeadTimeDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <li className="stat">
      <span className="stat__label">{label}</span>
      <span className="stat__value">{value}</span>
      {detail && <span className="stat__detail">{detail}</span>}
    </li>
  );
}
