import { useState } from 'react';
import { Card } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useForecasts } from '../api/get-forecasts';
import { usePrediction } from '../api/get-prediction';
import type { Forecast, ForecastPeriod } from '../api/types';
import { ForecastChart } from './forecast-chart';
import { ForecastTable } from './forecast-table';
import { accuracyWords, demandWords, methodLabel } from './forecast-words';

const periods = [
  { value: 'day', label: 'Days' },
  { value: 'week', label: 'Weeks' },
  { value: 'month', label: 'Months' },
  { value: 'quarter', label: 'Quarters' },
];

// Horizons a person picks from, within the API's limits (365 days, 52 weeks, 12 months, 4 quarters).
const horizons: Record<ForecastPeriod, number[]> = {
  day: [7, 14, 28, 56, 90],
  week: [4, 8, 12, 26, 52],
  month: [3, 6, 12],
  quarter: [1, 2, 4],
};
const defaultHorizon: Record<ForecastPeriod, number> = { day: 28, week: 12, month: 6, quarter: 4 };

// What drives demand is the daily model's answer whatever the chart's period: one trend, one
// weekly pattern. The model's name, its selection and level go in the disclosure.
const DRIVERS = new Set(['trend', 'weekday', 'season', 'intermittency']);

export function DemandForecastCard({ storeId, productId }: { storeId: string; productId: string }) {
  const [period, setPeriod] = useState<ForecastPeriod>('day');
  const [horizon, setHorizon] = useState(defaultHorizon.day);
  const forecasts = useForecasts(storeId, { productId, period, horizon });
  const daily = useForecasts(storeId, { productId, period: 'day', horizon: defaultHorizon.day });
  const prediction = usePrediction(storeId, productId);
  return (
    <Card
      title="Demand forecast"
      description="What is likely to sell, from this product's sales history."
    >
      <div className="toolbar toolbar--dates">
        <SelectField
          label="Period"
          name="period"
          value={period}
          options={periods}
          onChange={(e) => {
            const next = e.target.value as ForecastPeriod;
            setPeriod(next);
            setHorizon(defaultHorizon[next]);
          }}
        />
        <SelectField
          label="Horizon"
          name="horizon"
          value={String(horizon)}
          options={horizons[period].map((n) => ({ value: String(n), label: `${n} ${period}s` }))}
          onChange={(e) => setHorizon(Number(e.target.value))}
        />
      </div>
      <QueryState
        query={forecasts}
        loading="Loading forecast…"
        empty={null}
        isEmpty={(result) => !result.forecasts[0]}
      >
        {(result) => (
          <ForecastBody
            forecast={result.forecasts[0]!}
            drivers={daily.data?.forecasts[0]?.factors ?? []}
            demand={prediction.data ? demandWords(prediction.data) : undefined}
          />
        )}
      </QueryState>
    </Card>
  );
}

function ForecastBody({
  forecast,
  drivers,
  demand,
}: {
  forecast: Forecast;
  drivers: Forecast['factors'];
  demand: string | undefined;
}) {
  if (forecast.status === 'insufficient_history') {
    return (
      <div className="empty-state">
        <h3>Not enough history for a forecast</h3>
        <p>{forecast.message ?? 'This product has not sold for long enough yet.'}</p>
      </div>
    );
  }
  const shown = drivers.filter((f) => DRIVERS.has(f.name));
  const model = forecast.factors.filter((f) => f.name === 'selection' || f.name === 'level');
  return (
    <>
      <ForecastChart forecast={forecast} demand={demand} />
      {shown.length > 0 && (
        <>
          <h3 className="forecast-subtitle">What drives it</h3>
          <ul className="bullet-list" aria-label="Forecast factors">
            {shown.map((f) => (
              <li key={f.name}>{f.description}</li>
            ))}
          </ul>
        </>
      )}
      <p className="forecast-accuracy">{accuracyWords(forecast).join(' ')}</p>
      <details className="disclosure">
        <summary>How this was computed</summary>
        <p>Method: {methodLabel(forecast.method)}.</p>
        {model.length > 0 && (
          <ul className="bullet-list small" aria-label="Model details">
            {model.map((f) => (
              <li key={f.name}>{f.description}</li>
            ))}
          </ul>
        )}
        <p className="muted small">Calculated {formatDateTime(forecast.calculatedAt)}.</p>
      </details>
      <ForecastTable forecast={forecast} />
    </>
  );
}
