import { QueryState } from '@/components/query-state';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { useListParams } from '@/lib/use-list-params';
import { useValuationReport } from '../api/get-valuation-report';
import type { ValuationGroupBy, ValuationReport } from '../api/types';
import { ShowAllRows, useFirstRows } from '@/components/first-rows';
import { ReportToolbar } from './report-controls';
import { percent } from './report-format';
import { TableWrap } from '@/components/table-wrap';

const groupBy = {
  options: [
    { value: 'category', label: 'Category' },
    { value: 'product', label: 'Product' },
    { value: 'supplier', label: 'Supplier' },
  ],
  fallback: 'category',
};

export function ValuationSection({
  storeId,
  list,
}: {
  storeId: string;
  list: ReturnType<typeof useListParams>;
}) {
  const params = { groupBy: (list.get('groupBy') || groupBy.fallback) as ValuationGroupBy };
  const report = useValuationReport(storeId, params);
  return (
    <>
      <ReportToolbar
        storeId={storeId}
        list={list}
        report="valuation"
        params={params}
        groupBy={groupBy}
      />
      <QueryState query={report} loading="Loading valuation…">
        {(data) => <Valuation report={data} />}
      </QueryState>
    </>
  );
}

function Valuation({ report }: { report: ValuationReport }) {
  const money = useMoney();
  const rows = useFirstRows(report.rows);
  const { totals } = report;
  return (
    <>
      <p className="muted">
        Stock on hand at {formatDateTime(report.asOf)}: {formatNumber(totals.units)} units worth{' '}
        {money(totals.costValue)} at cost and {money(totals.retailValue)} at retail (
        {money(totals.potentialMargin)} potential margin).
      </p>
      <TableWrap label="Stock valuation">
        <table className="table" aria-label="Stock valuation">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Units
              </th>
              <th scope="col" className="num">
                At cost
              </th>
              <th scope="col" className="num">
                At retail
              </th>
              <th scope="col" className="num">
                Potential margin
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((row) => (
              <tr key={row.groupId ?? row.name}>
                <td className="strong">
                  {row.name}
                  {row.sku && <div className="muted small">{row.sku}</div>}
                </td>
                <td className="num">{formatNumber(row.units)}</td>
                <td className="num">{money(row.costValue)}</td>
                <td className="num">{money(row.retailValue)}</td>
                <td className="num">{money(row.potentialMargin)}</td>
                <td className="num">{percent(row.shareOfTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ShowAllRows hidden={rows.hidden} total={report.rows.length} onClick={rows.showAll} />
      {report.truncated && <p className="muted small">Only the 500 largest rows are shown.</p>}
    </>
  );
}
