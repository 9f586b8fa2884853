import { useId } from 'react';

export interface Bar {
  /** Short axis label, e.g. "Mar 4". */
  label: string;
  value: number;
  /** The value as people read it ("$12.50"), used in tooltips. */
  display: string;
}

interface BarChartProps {
  title: string;
  description: string;
  bars: Bar[];
  height?: number;
}

const WIDTH = 720;
const AXIS = 22;
// Room either side so the first and last day labels are not cut off.
const GUTTER = 18;

/**
 * A small SVG bar chart. It is an image with a title and description for screen readers;
 * each bar carries a <title> tooltip. Callers also render the numbers as a table.
 */
export function BarChart({ title, description, bars, height = 200 }: BarChartProps) {
  const id = useId();
  const max = Math.max(...bars.map((b) => b.value), 0);
  const plot = height - AXIS;
  const slot = (WIDTH - 2 * GUTTER) / Math.max(bars.length, 1);
  const barWidth = Math.max(slot * 0.7, 2);
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));

  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={GUTTER} x2={WIDTH - GUTTER} y1={plot} y2={plot} className="bar-chart__axis" />
      {bars.map((bar, i) => {
        const h = max > 0 ? (bar.value / max) * (plot - 8) : 0;
        const x = GUTTER + i * slot + (slot - barWidth) / 2;
        return (
          <g key={`${bar.label}-${i}`}>
            <rect
              x={x}
              y={plot - h}
              width={barWidth}
              height={Math.max(h, bar.value > 0 ? 2 : 0)}
              rx={2}
              className="bar-chart__bar"
            >
              <title>{`${bar.label}: ${bar.display}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={GUTTER + i * slot + slot / 2} y={height - 6} className="bar-chart__label">
                {bar.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
