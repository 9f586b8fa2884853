import { Link, useParams } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useSale } from '../api/get-sale';

export function SaleDetailPage() {
  const { storeId } = useStoreAccess();
  const { saleId = '' } = useParams();
  const sale = useSale(storeId, saleId);
  const money = useMoney();
  const back = (
    <Link to={`/stores/${storeId}/sales`} className="back-link">
      <span aria-hidden="true">←</span> All sales
    </Link>
  );

  if (sale.isPending) return <Loading label="Loading sale…" />;
  if (sale.isError) {
    return (
      <div className="page page--narrow">
        {back}
        <ErrorBanner>{toApiError(sale.error).message}</ErrorBanner>
      </div>
    );
  }
  const s = sale.data;
  return (
    <div className="page page--narrow">
      {back}
      <PageHeader
        title={`Sale of ${formatDateTime(s.soldAt)}`}
        subtitle={`${formatNumber(s.itemCount)} ${s.itemCount === 1 ? 'unit' : 'units'} · total ${money(s.total)}${s.user ? ` · recorded by ${s.user.name}` : ''}`}
      />
      {s.note && <p className="notice">{s.note}</p>}
      <Card title="Items">
        <div className="table-wrap">
          <table className="table" aria-label="Sale items">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col" className="num">
                  Unit price
                </th>
                <th scope="col" className="num">
                  Line total
                </th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/stores/${storeId}/products/${item.productId}`}>
                      {item.productName}
                    </Link>
                    <div className="muted small">SKU {item.sku}</div>
                  </td>
                  <td className="num">{formatNumber(item.quantity)}</td>
                  <td className="num">{money(item.unitPrice)}</td>
                  <td className="num strong">{money(item.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td className="num total">{money(s.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Card>
    </div>
  );
}
