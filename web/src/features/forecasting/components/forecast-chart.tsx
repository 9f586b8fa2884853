import { useId } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '@/lib/format';
import type { Forecast } from '../api/types';
import { periodLabel } from './forecast-words';

interface ChartPoint {
  label: string;
  actual?: number;
  forecast?: number;
  range?: [number, number];
}

// History and forecast on one time axis; the last actual is repeated as the forecast's start so
// the dashed line continues from it instead of floating on its own.
function chartPoints(forecast: Forecast): ChartPoint[] {
  const points: ChartPoint[] = forecast.history.map((h) => ({
    label: periodLabel(h.date, forecast.period),
    actual: h.actual,
  }));
  const last = points.at(-1);
  if (last?.actual !== undefined) {
    last.forecast = last.actual;
    last.range = [last.actual, last.actual];
  }
  for (const p of forecast.predictions) {
    points.push({
      label: periodLabel(p.date, forecast.period),
      forecast: p.predictedDemand,
      range: [p.lower, p.upper],
    });
  }
  return points;
}

const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
};

/**
 * Sold (solid line with dots), forecast (dashed line) and the likely range (shaded band). The
 * picture is hidden from screen readers: the caption says what it shows and the table below it
 * holds the same numbers.
 */
export function ForecastChart({ forecast, demand }: { forecast: Forecast; demand?: string }) {
  const captionId = useId();
  const data = chartPoints(forecast);
  const levelPercent = Math.round(forecast.level * 100);
  return (
    <figure className="forecast-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart__title">
        {caption(forecast)} {demand ? `${demand} ` : ''}The shaded band is where {levelPercent}% of
        outcomes should fall.
      </figcaption>
      <div className="chart chart--wide" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="label" stroke="var(--text-muted)" fontSize={12} minTickGap={16} />
            <YAxis stroke="var(--text-muted)" fontSize={12} allowDecimals={false} />
            <Tooltip contentStyle={tooltipStyle} />
            <Legend wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
            <Area
              className="forecast-band"
              dataKey="range"
              name={`Likely range (${levelPercent}%)`}
              type="monotone"
              stroke="none"
              fill="var(--primary)"
              fillOpacity={0.18}
              legendType="square"
              isAnimationActive={false}
            />
            <Line
              dataKey="actual"
              name="Sold"
              type="monotone"
              stroke="var(--text)"
              strokeWidth={2}
              dot={{ r: 2 }}
              legendType="circle"
              isAnimationActive={false}
            />
            <Line
              dataKey="forecast"
              name="Forecast"
              type="monotone"
              stroke="var(--primary)"
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              legendType="plainline"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

const count = (n: number, period: string) => `${formatNumber(n)} ${period}${n === 1 ? '' : 's'}`;

/**
 * The chart in a sentence: what it covers and the total it expects. The daily figure is not
 * worked out here: the product page passes the one its stock outlook uses (`demand`).
 */
function caption(forecast: Forecast): string {
  const { period, history, predictions } = forecast;
  const total = predictions.reduce((sum, p) => sum + p.predictedDemand, 0);
  return `Sales of the last ${count(history.length, period)} and the forecast for the next ${count(predictions.length, period)}: about ${formatNumber(Math.round(total))} units in all.`;
}
