import { SelectField, TextField } from '@/components/form-field';
import type { useListParams } from '@/lib/use-list-params';
import type { ReportName, ReportParams } from '../api/report-keys';
import { DownloadCsvButton } from './download-csv-button';

type ListParams = ReturnType<typeof useListParams>;

/** The period in the URL: empty means the report's default period. */
export function periodOf(list: ListParams): { from?: string; to?: string } {
  return { from: list.get('from') || undefined, to: list.get('to') || undefined };
}

/** The period's first and last day, kept in the URL; empty means the report's default period. */
function PeriodFields({ list }: { list: ListParams }) {
  return (
    <>
      <TextField
        label="From"
        name="from"
        type="date"
        value={list.get('from')}
        onChange={(e) => list.update({ from: e.target.value })}
      />
      <TextField
        label="To"
        name="to"
        type="date"
        value={list.get('to')}
        onChange={(e) => list.update({ to: e.target.value })}
      />
    </>
  );
}

function GroupByField({
  list,
  options,
  fallback,
}: {
  list: ListParams;
  options: ReadonlyArray<{ value: string; label: string }>;
  fallback: string;
}) {
  return (
    <SelectField
      label="Group by"
      name="groupBy"
      value={list.get('groupBy') || fallback}
      options={options}
      onChange={(e) => list.update({ groupBy: e.target.value === fallback ? '' : e.target.value })}
    />
  );
}

interface ReportToolbarProps {
  storeId: string;
  list: ListParams;
  report: ReportName;
  /** The report's request: the CSV is the same report. */
  params: ReportParams;
  /** Whether the report covers a period (its first and last day are chosen). */
  period?: boolean;
  /** The groupings it offers, and the one it takes when none is chosen. */
  groupBy?: { options: ReadonlyArray<{ value: string; label: string }>; fallback: string };
}

/** Every report's toolbar: its period, its grouping and its CSV download. */
export function ReportToolbar({
  storeId,
  list,
  report,
  params,
  period,
  groupBy,
}: ReportToolbarProps) {
  return (
    <div className={period ? 'toolbar toolbar--dates' : 'toolbar'}>
      {period && <PeriodFields list={list} />}
      {groupBy && (
        <GroupByField list={list} options={groupBy.options} fallback={groupBy.fallback} />
      )}
      <DownloadCsvButton storeId={storeId} report={report} params={params} />
    </div>
  );
}
