import { TableWrap } from '@/components/table-wrap';
import { formatNumber } from '@/lib/format';
import type { Transfer } from '../api/types';

/** What was sent, what is in transit, what arrived and the difference, line by line. */
export function TransferLinesTable({ transfer }: { transfer: Transfer }) {
  const received = transfer.status === 'received';
  return (
    <TableWrap label="Transfer lines">
      <table className="table" aria-label="Transfer lines">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              In transit
            </th>
            {received && (
              <>
                <th scope="col" className="num">
                  Received
                </th>
                <th scope="col" className="num">
                  Difference
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {transfer.lines.map((l) => (
            <tr key={l.id}>
              <td>
                <span className="strong">{l.name}</span>
                <div className="muted small">SKU {l.sku}</div>
              </td>
              <td className="num">{formatNumber(l.quantity)}</td>
              <td className="num">{l.inTransit ? formatNumber(l.inTransit) : '—'}</td>
              {received && (
                <>
                  <td className="num">{formatNumber(l.receivedQuantity)}</td>
                  <td className="num">{l.difference ? `−${formatNumber(l.difference)}` : '0'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
