import { Link } from 'react-router-dom';
import { QueryState } from '@/components/query-state';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { useListParams } from '@/lib/use-list-params';
import { useVendorPerformanceReport } from '../api/get-vendor-performance-report';
import type { VendorPerformanceReport } from '../api/types';
import { periodOf, ReportToolbar } from './report-controls';
import { change, percent, periodWords } from './report-format';
import { TableWrap } from '@/components/table-wrap';

export function VendorPerformanceSection({
  storeId,
  list,
}: {
  storeId: string;
  list: ReturnType<typeof useListParams>;
}) {
  const params = periodOf(list);
  const report = useVendorPerformanceReport(storeId, params);
  return (
    <>
      <ReportToolbar
        storeId={storeId}
        list={list}
        report="vendor-performance"
        params={params}
        period
      />
      <QueryState query={report} loading="Loading supplier ranking…">
        {(data) => <Ranking storeId={storeId} report={data} />}
      </QueryState>
    </>
  );
}

function Ranking({ storeId, report }: { storeId: string; report: VendorPerformanceReport }) {
  const money = useMoney();
  const w = report.weights;
  if (report.rows.length === 0) {
    return (
      <div className="empty-state">
        <h2>No suppliers yet</h2>
        <p>Add suppliers and send them purchase orders to rank them.</p>
      </div>
    );
  }
  return (
    <>
      <p className="muted">
        {periodWords(report.period)}. Score out of 100: on time {w.onTime}, fill rate {w.fillRate},
        lead time {w.leadTime}, price stability {w.priceChange}, spend {w.spend}.
      </p>
      <TableWrap label="Supplier ranking">
        <table className="table" aria-label="Supplier ranking">
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">Supplier</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                On time
              </th>
              <th scope="col" className="num">
                Fill rate
              </th>
              <th scope="col" className="num">
                Lead time
              </th>
              <th scope="col" className="num">
                Price change
              </th>
              <th scope="col" className="num">
                Spend
              </th>
              <th scope="col" className="num">
                Orders
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.supplierId}>
                <td className="num">{row.rank}</td>
                <td className="strong">
                  <Link to={`/stores/${storeId}/suppliers/${row.supplierId}`}>{row.name}</Link>
                </td>
                <td className="num strong">
                  {row.score === null ? (
                    <span className="muted small">No orders</span>
                  ) : (
                    formatNumber(Math.round(row.score))
                  )}
                </td>
                <td className="num">{percent(row.onTimeDeliveryRate)}</td>
                <td className="num">{percent(row.fillRate)}</td>
                <td className="num">
                  {row.averageLeadTimeDays === null
                    ? '—'
                    : `${formatNumber(Math.round(row.averageLeadTimeDays * 10) / 10)} days`}
                </td>
                <td className="num">{change(row.priceChange)}</td>
                <td className="num">{money(row.spend)}</td>
                <td className="num">
                  {formatNumber(row.orders)}
                  {row.cancelledOrders > 0 && (
                    <div className="muted small">{formatNumber(row.cancelledOrders)} cancelled</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
