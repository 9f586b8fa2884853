import { Link } from 'react-router-dom';
import { useState } from 'react';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { formatDate, formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import { useSupplierProducts } from '../api/get-supplier-products';
import { TableWrap } from '@/components/table-wrap';

/** What the supplier supplies: its products and those ordered from it, with the last cost. */
export function SupplierProductsCard({
  storeId,
  supplierId,
}: {
  storeId: string;
  supplierId: string;
}) {
  const money = useMoney();
  const seesMoney = useSeesMoney();
  const [page, setPage] = useState(1);
  const products = useSupplierProducts(storeId, supplierId, { page, limit: 20 });
  return (
    <Card title="Products supplied">
      <QueryState
        query={products}
        loading="Loading products…"
        empty={<p className="muted">No products have this supplier or were ordered from it yet.</p>}
      >
        {(data) => (
          <>
            <TableWrap label="Products supplied">
              <table className="table" aria-label="Products supplied">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col" className="num">
                      On hand
                    </th>
                    {seesMoney && (
                      <th scope="col" className="num">
                        Last cost
                      </th>
                    )}
                    <th scope="col">Last ordered</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/stores/${storeId}/products/${p.id}`}>{p.name}</Link>
                        <div className="muted small">SKU {p.sku}</div>
                      </td>
                      <td className="num">{formatNumber(p.quantity)}</td>
                      {seesMoney && (
                        <td className="num">{p.lastCost == null ? '—' : money(p.lastCost)}</td>
                      )}
                      <td>{p.lastOrderedAt ? formatDate(p.lastOrderedAt) : 'Never'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pagination
              label="Supplier product pages"
              pagination={data.pagination}
              onPage={setPage}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
