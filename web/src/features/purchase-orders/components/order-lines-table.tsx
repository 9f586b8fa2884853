import { Link } from 'react-router-dom';
import { formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { PurchaseOrder } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

/** Each line: what was ordered, what has come in and what is still to come. */
export function OrderLinesTable({ storeId, order }: { storeId: string; order: PurchaseOrder }) {
  const money = useMoney();
  // Prices and totals are money: only for the roles that see it (the API sends null otherwise).
  const seesMoney = useSeesMoney();
  return (
    <TableWrap label="Order lines">
      <table className="table" aria-label="Order lines">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Ordered
            </th>
            <th scope="col" className="num">
              Received
            </th>
            <th scope="col" className="num">
              Open
            </th>
            {seesMoney && (
              <>
                <th scope="col" className="num">
                  Unit cost
                </th>
                <th scope="col" className="num">
                  Line total
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>
                <Link to={`/stores/${storeId}/products/${line.productId}`}>
                  {line.product.name}
                </Link>
                <div className="muted small">SKU {line.product.sku}</div>
              </td>
              <td className="num">{formatNumber(line.quantity)}</td>
              <td className="num">{formatNumber(line.receivedQuantity)}</td>
              <td className="num strong">{formatNumber(line.openQuantity)}</td>
              {seesMoney && (
                <>
                  <td className="num">{money(line.unitCost)}</td>
                  <td className="num">{money(line.lineTotal)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
        {seesMoney && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                Total
              </th>
              <td className="num strong">{money(order.total)}</td>
            </tr>
            {(order.receivedValue ?? 0) > 0 && (
              <tr>
                <th scope="row" colSpan={5}>
                  Received so far
                </th>
                <td className="num">{money(order.receivedValue)}</td>
              </tr>
            )}
          </tfoot>
        )}
      </table>
    </TableWrap>
  );
}
