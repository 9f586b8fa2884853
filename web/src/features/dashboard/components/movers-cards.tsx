import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { SlowMover, TopMover } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

function ProductLink({
  storeId,
  id,
  name,
  sku,
}: {
  storeId: string;
  id: string;
  name: string;
  sku: string;
}) {
  return (
    <>
      <Link to={`/stores/${storeId}/products/${id}`}>{name}</Link>
      <div className="muted small">SKU {sku}</div>
    </>
  );
}

export function TopMoversCard({ storeId, movers }: { storeId: string; movers: TopMover[] }) {
  const money = useMoney();
  // Revenue is money: a role without it gets no column of dashes (core/money.ts's rule).
  const seesMoney = useSeesMoney();
  return (
    <Card title="Top movers" description="Best sellers by units, last 30 days.">
      {movers.length === 0 ? (
        <p className="muted">No sales in the last 30 days.</p>
      ) : (
        <TableWrap label="Top movers">
          <table className="table" aria-label="Top movers">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Units sold
                </th>
                {seesMoney && (
                  <th scope="col" className="num">
                    Revenue
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {movers.map((m) => (
                <tr key={m.productId}>
                  <td>
                    <ProductLink storeId={storeId} id={m.productId} name={m.name} sku={m.sku} />
                  </td>
                  <td className="num">{formatNumber(m.unitsSold)}</td>
                  {seesMoney && <td className="num">{money(m.revenue)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Card>
  );
}

export function SlowMoversCard({ storeId, movers }: { storeId: string; movers: SlowMover[] }) {
  return (
    <Card title="Slow movers" description="In stock, but sold least recently.">
      {movers.length === 0 ? (
        <p className="muted">Nothing in stock is waiting to sell.</p>
      ) : (
        <TableWrap label="Slow movers">
          <table className="table" aria-label="Slow movers">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  On hand
                </th>
                <th scope="col" className="num">
                  Days since last sale
                </th>
              </tr>
            </thead>
            <tbody>
              {movers.map((m) => (
                <tr key={m.productId}>
                  <td>
                    <ProductLink storeId={storeId} id={m.productId} name={m.name} sku={m.sku} />
                  </td>
                  <td className="num">{formatNumber(m.quantity)}</td>
                  <td className="num">
                    {m.daysSinceLastSale === null
                      ? 'Never sold'
                      : formatNumber(m.daysSinceLastSale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Card>
  );
}
