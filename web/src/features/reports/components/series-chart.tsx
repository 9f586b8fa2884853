import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format';

interface SeriesPoint {
  date: string;
  units: number;
}

const dayLabel = (date: string) =>
  new Date(`${date}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/**
 * Units per day (or week) as bars. The picture is hidden from screen readers; its caption says
 * the total, the busiest point and the average, and the table below the chart has the detail.
 */
export function SeriesChart({
  title,
  series,
  interval = 'day',
}: {
  title: string;
  series: SeriesPoint[];
  interval?: 'day' | 'week';
}) {
  const captionId = useId();
  const total = series.reduce((sum, p) => sum + p.units, 0);
  const peak = series.reduce<SeriesPoint | undefined>(
    (best, p) => (!best || p.units > best.units ? p : best),
    undefined,
  );
  const data = series.map((p) => ({ label: dayLabel(p.date), units: p.units }));
  return (
    <figure className="forecast-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart__title">
        {title}: {formatNumber(total)} units over {formatNumber(series.length)} {interval}s
        {peak && peak.units > 0
          ? `, most on ${dayLabel(peak.date)} (${formatNumber(peak.units)}), about ${formatNumber(
              Math.round(total / Math.max(1, series.length)),
            )} a ${interval} on average`
          : ''}
        .
      </figcaption>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="label" stroke="var(--text-muted)" fontSize={12} minTickGap={16} />
            <YAxis stroke="var(--text-muted)" fontSize={12} allowDecimals={false} />
            <Tooltip
              contentStyle={{
                background: 'var(--surface)',
                border: '1px solid var(--border)',
                color: 'var(--text)',
              }}
            />
            <Bar dataKey="units" name="Units" fill="var(--primary)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
