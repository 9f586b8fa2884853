import { Link } from 'react-router-dom';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { Sale } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

/** The sale's lines at the prices recorded, with what was refunded and what it nets. */
export function SaleItemsTable({ storeId, sale }: { storeId: string; sale: Sale }) {
  const money = useMoney();
  const anyRefund = sale.refundedTotal > 0;
  return (
    <TableWrap label="Sale items">
      <table className="table" aria-label="Sale items">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num">
              Quantity
            </th>
            {anyRefund && (
              <th scope="col" className="num">
                Refunded
              </th>
            )}
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {sale.items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link to={`/stores/${storeId}/products/${item.productId}`}>{item.productName}</Link>
                <div className="muted small">SKU {item.sku}</div>
              </td>
              <td className="num">{formatNumber(item.quantity)}</td>
              {anyRefund && (
                <td className="num">
                  {item.refundedQuantity ? formatNumber(item.refundedQuantity) : '—'}
                </td>
              )}
              <td className="num">{money(item.unitPrice)}</td>
              <td className="num strong">{money(item.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={anyRefund ? 4 : 3}>
              Total
            </th>
            <td className="num total">{money(sale.total)}</td>
          </tr>
          {anyRefund && (
            <>
              <tr>
                <th scope="row" colSpan={4}>
                  Refunded
                </th>
                <td className="num">{money(-sale.refundedTotal)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={4}>
                  Net
                </th>
                <td className="num total">{money(sale.netTotal)}</td>
              </tr>
            </>
          )}
        </tfoot>
      </table>
    </TableWrap>
  );
}
