import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import type { CustomReportResult } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

type Column = CustomReportResult['columns'][number];

function cell(value: unknown, column: Column): string {
  if (value === null || value === undefined) return '—';
  if (column.type === 'number' && typeof value === 'number') return formatNumber(value);
  if (column.type === 'date' && typeof value === 'string') return formatDate(value);
  if (column.type === 'datetime' && typeof value === 'string') return formatDateTime(value);
  if (column.type === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

export function CustomResultTable({ result }: { result: CustomReportResult }) {
  if (result.rows.length === 0) {
    return <p role="status">No rows: nothing matches these filters.</p>;
  }
  return (
    <>
      <p role="status">
        {formatNumber(result.rows.length)} {result.rows.length === 1 ? 'row' : 'rows'}.
      </p>
      <TableWrap label="Custom report">
        <table className="table" aria-label="Custom report">
          <thead>
            <tr>
              {result.columns.map((c) => (
                <th key={c.name} scope="col" className={c.type === 'number' ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, i) => (
              <tr key={i}>
                {result.columns.map((c) => (
                  <td key={c.name} className={c.type === 'number' ? 'num' : undefined}>
                    {cell((row as Record<string, unknown>)[c.name], c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
