import { SelectField } from '@/components/form-field';
import { QueryState } from '@/components/query-state';
import { useCategories } from '@/hooks/use-categories';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { useListParams } from '@/lib/use-list-params';
import { useConsumptionReport } from '../api/get-consumption-report';
import type { ConsumptionGroupBy, ConsumptionReport } from '../api/types';
import { ShowAllRows, useFirstRows } from '@/components/first-rows';
import { periodOf, ReportToolbar } from './report-controls';
import { change, periodWords } from './report-format';
import { SeriesChart } from './series-chart';
import { TableWrap } from '@/components/table-wrap';

const groupBy = {
  options: [
    { value: 'product', label: 'Product' },
    { value: 'category', label: 'Category' },
    { value: 'supplier', label: 'Supplier' },
  ],
  fallback: 'product',
};

export function ConsumptionReportSection({
  storeId,
  list,
}: {
  storeId: string;
  list: ReturnType<typeof useListParams>;
}) {
  const params = {
    ...periodOf(list),
    groupBy: (list.get('groupBy') || groupBy.fallback) as ConsumptionGroupBy,
    category: list.get('category') || undefined,
  };
  const report = useConsumptionReport(storeId, params);
  return (
    <>
      <ReportToolbar
        storeId={storeId}
        list={list}
        report="consumption"
        params={params}
        groupBy={groupBy}
        period
      >
        <CategoryFilter storeId={storeId} list={list} />
      </ReportToolbar>
      <QueryState query={report} loading="Loading consumption…">
        {(data) => <ConsumptionBody report={data} />}
      </QueryState>
    </>
  );
}

/** Only one category's products (the store's first 100 categories by name). */
function CategoryFilter({
  storeId,
  list,
}: {
  storeId: string;
  list: ReturnType<typeof useListParams>;
}) {
  const categories = useCategories(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const options = [
    { value: '', label: 'All categories' },
    ...(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <SelectField
      label="Category"
      name="category"
      value={list.get('category')}
      options={options}
      onChange={(e) => list.update({ category: e.target.value })}
    />
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
      <TableWrap label="Consumption">
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
                Days in stock
              </th>
              <th scope="col" className="num">
                Units per day in stock
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
                <td className="num">{formatNumber(row.stockDays)}</td>
                <td className="num">{formatNumber(row.averageVelocity)}</td>
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
      </TableWrap>
      <ShowAllRows hidden={rows.hidden} total={report.rows.length} onClick={rows.showAll} />
      {report.truncated && (
        <p className="muted small">
          Only the 500 groups with the most units are shown; the CSV has the same.
        </p>
      )}
    </>
  );
}
