import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useCan, useMoney, useSeesMoney, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useShoppingLists } from '../api/get-shopping-lists';
import { ListStatus } from './list-status';
import { TableWrap } from '@/components/table-wrap';

export function ShoppingListsPage() {
  const { storeId } = useStoreAccess();
  const canManage = useCan('vendor:manage');
  const money = useMoney();
  const seesMoney = useSeesMoney();
  const params = useListParams();
  const lists = useShoppingLists(storeId, { page: params.page, limit: 20 });

  return (
    <div className="page">
      <PageHeader
        title="Reorder lists"
        subtitle="What to buy, from whom and why: made from stock, sales and supplier lead times."
        actions={
          canManage && (
            <Link to={`/stores/${storeId}/shopping-lists/new`} className="btn btn--primary">
              New reorder list
            </Link>
          )
        }
      />
      <Card>
        <QueryState
          query={lists}
          loading="Loading reorder lists…"
          empty={<p className="muted">No reorder lists yet.</p>}
        >
          {(data) => (
            <>
              <TableWrap label="Reorder lists">
                <table className="table" aria-label="Reorder lists">
                  <thead>
                    <tr>
                      <th scope="col">List</th>
                      <th scope="col">Created</th>
                      <th scope="col">Status</th>
                      <th scope="col" className="num">
                        Items
                      </th>
                      <th scope="col" className="num">
                        Purchased
                      </th>
                      {seesMoney && (
                        <th scope="col" className="num">
                          Estimated
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((list) => (
                      <tr key={list.id}>
                        <td>
                          <Link to={`/stores/${storeId}/shopping-lists/${list.id}`}>
                            {list.name}
                          </Link>
                        </td>
                        <td className="nowrap">
                          {formatDateTime(list.createdAt)}
                          {list.createdBy && (
                            <div className="muted small">{list.createdBy.name}</div>
                          )}
                        </td>
                        <td>
                          <ListStatus status={list.status} />
                        </td>
                        <td className="num">{formatNumber(list.itemCount)}</td>
                        <td className="num">{formatNumber(list.purchasedCount)}</td>
                        {seesMoney && <td className="num">{money(list.estimatedTotal)}</td>}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pagination
                label="Reorder list pages"
                pagination={data.pagination}
                onPage={params.setPage}
              />
            </>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
