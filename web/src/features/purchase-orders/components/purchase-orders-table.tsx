import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { PurchaseOrder } from '../api/types';
import { OrderStatusBadge } from './order-status-badge';
import { TableWrap } from '@/components/table-wrap';

function openUnits(order: PurchaseOrder): number {
  return order.lines.reduce((n, l) => n + l.openQuantity, 0);
}

export function PurchaseOrdersTable({
  storeId,
  orders,
}: {
  storeId: string;
  orders: PurchaseOrder[];
}) {
  const money = useMoney();
  const seesMoney = useSeesMoney();
  return (
    <TableWrap label="Purchase orders">
      <table className="table" aria-label="Purchase orders">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Supplier</th>
            <th scope="col">Ordered</th>
            <th scope="col">Expected</th>
            <th scope="col" className="num">
              Lines
            </th>
            <th scope="col" className="num">
              Units open
            </th>
            {seesMoney && (
              <th scope="col" className="num">
                Total
              </th>
            )}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className={order.status === 'cancelled' ? 'row--voided' : undefined}>
              <td className="nowrap">
                <Link to={`/stores/${storeId}/purchase-orders/${order.id}`}>
                  {order.orderNumber}
                </Link>
              </td>
              <td>{order.supplier.name}</td>
              <td className="nowrap">{formatDateTime(order.orderedAt)}</td>
              <td className="nowrap">{formatDate(order.expectedAt)}</td>
              <td className="num">{formatNumber(order.lines.length)}</td>
              <td className="num">
                {order.status === 'cancelled' ? '—' : formatNumber(openUnits(order))}
              </td>
              {seesMoney && <td className="num strong">{money(order.total)}</td>}
              <td>
                <OrderStatusBadge status={order.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
