import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { CategorySlice } from '../api/types';

export function CategoryBreakdownCard({
  storeId,
  slices,
}: {
  storeId: string;
  slices: CategorySlice[];
}) {
  const money = useMoney();
  // Without reports:view the values are null: the shares are then of the units.
  const hidden = slices.some((s) => s.valueRetail === null);
  const weight = (s: CategorySlice) => (hidden ? s.units : (s.valueRetail ?? 0));
  const total = slices.reduce((sum, s) => sum + weight(s), 0);
  return (
    <Card title="Stock by category" description="Units and value on hand, at retail.">
      {slices.length === 0 ? (
        <p className="muted">No products yet.</p>
      ) : (
        <div className="table-wrap">
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
                <th scope="col" className="num">
                  Retail value
                </th>
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
                    <td className="num">{money(s.valueRetail)}</td>
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
        </div>
      )}
    </Card>
  );
}
