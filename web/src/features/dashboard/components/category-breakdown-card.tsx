import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { CategorySlice } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

export function CategoryBreakdownCard({
  storeId,
  slices,
}: {
  storeId: string;
  slices: CategorySlice[];
}) {
  const money = useMoney();
  // Without reports:view there is no retail value (the API sends null): no column for it, and
  // the shares are of the units.
  const seesMoney = useSeesMoney();
  const weight = (s: CategorySlice) => (seesMoney ? (s.valueRetail ?? 0) : s.units);
  const total = slices.reduce((sum, s) => sum + weight(s), 0);
  return (
    <Card
      title="Stock by category"
      description={
        seesMoney
          ? 'Units and value on hand, at retail.'
          : 'Units on hand, and each category’s share of them.'
      }
    >
      {slices.length === 0 ? (
        <p className="muted">No products yet.</p>
      ) : (
        <TableWrap label="Stock by category">
          <table className="table" aria-label="Stock by category">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" className="num">
                  Products
                </th>
                <th scope="col" className="num">
                  Units
                </th>
                {seesMoney && (
                  <th scope="col" className="num">
                    Retail value
                  </th>
                )}
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {slices.map((s) => {
                const share = total > 0 ? Math.round((weight(s) / total) * 100) : 0;
                return (
                  <tr key={s.categoryId ?? 'none'}>
                    <td>
                      {s.categoryId ? (
                        <Link to={`/stores/${storeId}/products?category=${s.categoryId}`}>
                          {s.name}
                        </Link>
                      ) : (
                        <span className="muted">{s.name}</span>
                      )}
                    </td>
                    <td className="num">{formatNumber(s.products)}</td>
                    <td className="num">{formatNumber(s.units)}</td>
                    {seesMoney && <td className="num">{money(s.valueRetail)}</td>}
                    <td>
                      <span className="share">
                        <span
                          className="share__bar"
                          style={{ width: `${share}%` }}
                          aria-hidden="true"
                        />
                        <span className="share__text">{share}%</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Card>
  );
}
