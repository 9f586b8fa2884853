import { formatNumber } from '@/lib/format';
import type { ImportReport as Report } from '../api/types';

interface ImportReportProps {
  report: Pick<Report, 'summary' | 'errors'>;
  /** A validation changes nothing: its summary says what an import would do. */
  validateOnly: boolean;
}

export function ImportReport({ report, validateOnly }: ImportReportProps) {
  const { summary, errors } = report;
  const counts: Array<[string, number]> = [
    ['Rows', summary.total],
    [validateOnly ? 'Would create' : 'Created', summary.created],
    [validateOnly ? 'Would update' : 'Updated', summary.updated],
    [validateOnly ? 'Would stay as they are' : 'Unchanged', summary.unchanged],
    [validateOnly ? 'Would skip' : 'Skipped', summary.skipped],
    ['With errors', summary.failed],
  ];
  const title = validateOnly ? 'Validation result' : 'Import result';
  return (
    <section className="import-report" aria-label={title}>
      <h3>{title}</h3>
      <dl className="summary">
        {counts.map(([label, value]) => (
          <div key={label} className="summary__item">
            <dt>{label}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {errors.length === 0 ? (
        <p className="muted">No row has errors.</p>
      ) : (
        <div className="table-wrap table-wrap--inset">
          <table className="table" aria-label="Row errors">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Field</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={`${e.row}-${e.field}-${i}`}>
                  <td className="num">{e.row}</td>
                  <td>{e.field ? <code>{e.field}</code> : '—'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
