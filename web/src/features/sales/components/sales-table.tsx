import { Link } from 'react-router-dom';
import { SortableHeader, type SortOrder } from '@/components/sortable-header';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import { saleLabel, type Sale } from '../api/types';
import { SaleStatus } from './sale-status';
import { TableWrap } from '@/components/table-wrap';

interface SalesTableProps {
  storeId: string;
  sales: Sale[];
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
}

function summary(sale: Sale): string {
  const names = sale.items.map((i) => i.productName);
  if (names.length <= 2) return names.join(', ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

export function SalesTable({ storeId, sales, sort, order, onSort }: SalesTableProps) {
  const money = useMoney();
  return (
    <TableWrap label="Sales">
      <table className="table" aria-label="Sales">
        <thead>
          <tr>
            <th scope="col">Sale</th>
            <SortableHeader field="soldAt" sort={sort} order={order} onSort={onSort}>
              Sold at
            </SortableHeader>
            <th scope="col">Items</th>
            <th scope="col" className="num">
              Units
            </th>
            <SortableHeader field="total" sort={sort} order={order} onSort={onSort} className="num">
              Total
            </SortableHeader>
            <th scope="col" className="num">
              Refunded
            </th>
            <th scope="col">Status</th>
            <th scope="col">Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {sales.map((sale) => (
            <tr key={sale.id} className={sale.status === 'voided' ? 'row--voided' : undefined}>
              <td className="nowrap">
                <Link to={`/stores/${storeId}/sales/${sale.id}`}>{saleLabel(sale)}</Link>
              </td>
              <td className="nowrap">{formatDateTime(sale.soldAt)}</td>
              <td className="muted">{summary(sale) || '—'}</td>
              <td className="num">{formatNumber(sale.itemCount)}</td>
              <td className="num strong">{money(sale.total)}</td>
              <td className="num">{sale.refundedTotal ? money(-sale.refundedTotal) : '—'}</td>
              <td>
                <SaleStatus sale={sale} />
              </td>
              <td>{sale.user?.name ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
