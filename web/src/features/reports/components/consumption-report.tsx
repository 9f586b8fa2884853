import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { useListParams } from '@/lib/use-list-params';
import { useConsumptionReport } from '../api/get-consumption-report';
import type { ConsumptionGroupBy, ConsumptionReport } from '../api/types';
import { DownloadCsvButton } from './download-csv-button';
import { ShowAllRows, useFirstRows } from '@/components/first-rows';
import { GroupByField, PeriodFields } from './report-controls';
import { change, periodWords } from './report-format';
import { SeriesChart } from './series-chart';

const groupings = [
  { value: 'product', label: 'Product' },
  { value: 'category', label: 'Category' },
  { value: 'supplier', label: 'Supplier' },
];

export function ConsumptionReportSection({
  storeId,
  list,
}: {
  storeId: string;
  list: ReturnType<typeof useListParams>;
}) {
  const params = {
    from: list.get('from') || undefined,
    to: list.get('to') || undefined,
    groupBy: (list.get('groupBy') || 'product') as ConsumptionGroupBy,
  };
  const report = useConsumptionReport(storeId, params);
  return (
    <>
      <div className="toolbar toolbar--dates">
        <PeriodFields list={list} />
        <GroupByField list={list} options={groupings} fallback="product" />
        <DownloadCsvButton storeId={storeId} report="consumption" params={params} />
      </div>
      {report.isPending && <Loading label="Loading consumption…" />}
      {report.isError && <ErrorBanner>{toApiError(report.error).message}</ErrorBanner>}
      {report.data && <ConsumptionBody report={report.data} />}
    </>
  );
}

function ConsumptionBody({ report }: { report: ConsumptionReport }) {
  const money = useMoney();
  const rows = useFirstRows(report.rows);
  const { totals } = report;
  return (
    <>
      <p className="muted">
        {periodWords(report.period)}: {formatNumber(totals.units)} units, {money(totals.revenue)}{' '}
        revenue, {money(totals.cost)} at cost; {change(totals.trend)} against the period before.
      </p>
      <SeriesChart title="Units sold per day" series={report.series} />
      <div className="table-wrap">
        <table className="table" aria-label="Consumption">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Units
              </th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Revenue
              </th>
              <th scope="col" className="num">
                Change
              </th>
              <th scope="col" className="num">
                Forecast next period
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
                <td className="num">{money(row.cost)}</td>
                <td className="num">{money(row.revenue)}</td>
                <td className="num">{change(row.trend)}</td>
                <td className="num">
                  {row.forecastUnits === null ? (
                    <span className="muted small">Not enough history</span>
                  ) : (
                    formatNumber(Math.round(row.forecastUnits))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAllRows hidden={rows.hidden} total={report.rows.length} onClick={rows.showAll} />
      {report.truncated && (
        <p className="muted small">
          Only the 500 groups with the most units are shown; the CSV has the same.
        </p>
      )}
    </>
  );
}
