import { formatNumber } from '@/lib/format';
import type { Forecast } from '../api/types';
import { periodLabel } from './forecast-words';
import { TableWrap } from '@/components/table-wrap';

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

/** The forecast's numbers, folded away: the chart's text alternative for those who want them. */
export function ForecastTable({ forecast }: { forecast: Forecast }) {
  return (
    <details className="forecast-table">
      <summary>Forecast as a table</summary>
      <TableWrap label="Forecast per period">
        <table className="table" aria-label="Forecast per period">
          <thead>
            <tr>
              <th scope="col">Period starting</th>
              <th scope="col" className="num">
                Forecast
              </th>
              <th scope="col" className="num">
                Likely range
              </th>
            </tr>
          </thead>
          <tbody>
            {forecast.predictions.map((p) => (
              <tr key={p.date}>
                <th scope="row">{periodLabel(p.date, forecast.period)}</th>
                <td className="num">{oneDecimal(p.predictedDemand)}</td>
                <td className="num">
                  {oneDecimal(p.lower)} – {oneDecimal(p.upper)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}
