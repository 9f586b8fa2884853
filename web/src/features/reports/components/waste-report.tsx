import { QueryState } from '@/components/query-state';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { useListParams } from '@/lib/use-list-params';
import { useWasteReport } from '../api/get-waste-report';
import type { WasteGroupBy, WasteReport } from '../api/types';
import { ShowAllRows, useFirstRows } from '@/components/first-rows';
import { periodOf, ReportToolbar } from './report-controls';
import { percent, periodWords } from './report-format';
import { SeriesChart } from './series-chart';
import { TableWrap } from '@/components/table-wrap';

const groupBy = {
  options: [
    { value: 'reason', label: 'Reason' },
    { value: 'product', label: 'Product' },
    { value: 'category', label: 'Category' },
  ],
  fallback: 'reason',
};

const reasons: Record<string, string> = {
  damaged: 'Damaged',
  expired: 'Expired',
  spoiled: 'Spoiled',
  lost: 'Lost',
  theft: 'Theft',
};

export function WasteReportSection({
  storeId,
  list,
}: {
  storeId: string;
  list: ReturnType<typeof useListParams>;
}) {
  const params = {
    ...periodOf(list),
    groupBy: (list.get('groupBy') || groupBy.fallback) as WasteGroupBy,
  };
  const report = useWasteReport(storeId, params);
  return (
    <>
      <ReportToolbar
        storeId={storeId}
        list={list}
        report="waste"
        params={params}
        groupBy={groupBy}
        period
      />
      <QueryState query={report} loading="Loading waste…">
        {(data) => <WasteBody report={data} />}
      </QueryState>
    </>
  );
}

function WasteBody({ report }: { report: WasteReport }) {
  const money = useMoney();
  const rows = useFirstRows(report.rows);
  const { totals } = report;
  if (report.rows.length === 0) {
    return (
      <div className="empty-state">
        <h2>No waste recorded</h2>
        <p>
          Nothing was written off as damaged, expired, spoiled, lost or stolen in{' '}
          {periodWords(report.period)}.
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="muted">
        {periodWords(report.period)}: {formatNumber(totals.units)} units wasted, worth{' '}
        {money(totals.costValue)} at cost; {percent(totals.shareOfConsumption)} of what left the
        shelves.
      </p>
      <SeriesChart
        title={report.interval === 'week' ? 'Units wasted per week' : 'Units wasted per day'}
        series={report.series}
        interval={report.interval}
      />
      <TableWrap label="Waste">
        <table className="table" aria-label="Waste">
          <thead>
            <tr>
              <th scope="col">{report.groupBy === 'reason' ? 'Reason' : 'Name'}</th>
              <th scope="col" className="num">
                Units
              </th>
              <th scope="col" className="num">
                Value at cost
              </th>
              <th scope="col" className="num">
                Share of consumption
              </th>
              <th scope="col" className="num">
                Share of waste
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((row) => (
              <tr key={row.groupId ?? row.name}>
                <td className="strong">
                  {report.groupBy === 'reason' ? (reasons[row.name] ?? row.name) : row.name}
                </td>
                <td className="num">{formatNumber(row.units)}</td>
                <td className="num">{money(row.costValue)}</td>
                <td className="num">{percent(row.shareOfConsumption)}</td>
                <td className="num">{percent(row.shareOfWaste)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ShowAllRows hidden={rows.hidden} total={report.rows.length} onClick={rows.showAll} />
    </>
  );
}
