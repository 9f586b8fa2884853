import { Link } from 'react-router-dom';
import { TableWrap } from '@/components/table-wrap';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { TransferSummary } from '../api/types';
import { TransferStatusBadge } from './transfer-status-badge';

export function TransfersTable({
  storeId,
  transfers,
}: {
  storeId: string;
  transfers: TransferSummary[];
}) {
  return (
    <TableWrap label="Transfers">
      <table className="table" aria-label="Transfers">
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">Direction</th>
            <th scope="col">Other store</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              In transit
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((t) => (
            <tr key={t.id} className={t.status === 'cancelled' ? 'row--voided' : undefined}>
              <td className="nowrap">
                <Link to={`/stores/${storeId}/transfers/${t.id}`}>
                  {formatDateTime(t.createdAt)}
                </Link>
              </td>
              <td>{t.direction === 'outgoing' ? 'Out' : 'In'}</td>
              <td>
                {t.direction === 'outgoing' ? `To ${t.toStore.name}` : `From ${t.fromStore.name}`}
              </td>
              <td className="num">{formatNumber(t.units)}</td>
              <td className="num">{t.unitsInTransit ? formatNumber(t.unitsInTransit) : '—'}</td>
              <td>
                <TransferStatusBadge status={t.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
