import { Link } from 'react-router-dom';
import { ShowAllRows, useFirstRows } from '@/components/first-rows';
import { formatDate, formatNumber } from '@/lib/format';
import type { Anomaly } from '../api/types';
import { anomalyTypes, severities, severityBadge } from './anomaly-words';
import { TableWrap } from '@/components/table-wrap';

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

function change(anomaly: Anomaly): string {
  if (anomaly.changePercent === null) return '';
  const sign = anomaly.changePercent > 0 ? '+' : '';
  return ` (${sign}${Math.round(anomaly.changePercent)}%)`;
}

export function AnomaliesTable({ storeId, anomalies }: { storeId: string; anomalies: Anomaly[] }) {
  const rows = useFirstRows(anomalies);
  return (
    <>
      <TableWrap label="Anomalies">
        <table className="table" aria-label="Anomalies">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Severity</th>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Observed
              </th>
              <th scope="col" className="num">
                Expected
              </th>
              <th scope="col">What happened and what to do</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((a) => (
              <tr key={a.id}>
                <td className="nowrap">{formatDate(a.date)}</td>
                <td>{anomalyTypes[a.type] ?? a.type}</td>
                <td>
                  <span className={severityBadge[a.severity] ?? 'badge'}>
                    {severities[a.severity] ?? a.severity}
                  </span>
                </td>
                <td>
                  <Link to={`/stores/${storeId}/products/${a.productId}`}>{a.productName}</Link>
                  {a.supplierName && <div className="muted small">{a.supplierName}</div>}
                </td>
                <td className="num strong">
                  {oneDecimal(a.observed)}
                  <span className="muted small">{change(a)}</span>
                </td>
                <td className="num">
                  {oneDecimal(a.expected)}
                  {a.lower !== null && a.upper !== null && (
                    <div className="muted small">
                      usual {oneDecimal(a.lower)}–{oneDecimal(a.upper)}
                    </div>
                  )}
                </td>
                <td>
                  <p>{a.message}</p>
                  <p className="muted small">{a.suggestedAction}</p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ShowAllRows hidden={rows.hidden} total={anomalies.length} onClick={rows.showAll} />
    </>
  );
}
