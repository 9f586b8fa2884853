import type { ReactNode } from 'react';
import { SelectField, TextField } from '@/components/form-field';
import type { useListParams } from '@/lib/use-list-params';
import type { ReportName, ReportParams } from '../api/report-keys';
import { DownloadCsvButton } from './download-csv-button';

type ListParams = ReturnType<typeof useListParams>;

type PeriodKind = 'week' | 'month' | 'quarter' | 'year';
const PERIOD_KINDS: ReadonlyArray<{ value: '' | PeriodKind; label: string }> = [
  { value: '', label: 'Dates' },
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'quarter', label: 'This quarter' },
  { value: 'year', label: 'This year' },
];
const isKind = (v: string): v is PeriodKind => PERIOD_KINDS.some((k) => k.value === v && v);

/** The period in the URL: a named one, or dates; empty means the report's default period. */
export function periodOf(list: ListParams): { from?: string; to?: string; period?: PeriodKind } {
  const period = list.get('period');
  if (isKind(period)) return { period };
  return { from: list.get('from') || undefined, to: list.get('to') || undefined };
}

/**
 * The current week, month, quarter or year, or the period's first and last day, kept in the URL;
 * empty means the report's default period.
 */
function PeriodFields({ list }: { list: ListParams }) {
  const period = list.get('period');
  return (
    <>
      <SelectField
        label="Period"
        name="period"
        value={isKind(period) ? period : ''}
        options={PERIOD_KINDS}
        onChange={(e) => list.update({ period: e.target.value, from: '', to: '' })}
      />
      {!isKind(period) && <DateFields list={list} />}
    </>
  );
}

function DateFields({ list }: { list: ListParams }) {
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
  /** More of the report's own filters. */
  children?: ReactNode;
}

/** Every report's toolbar: its period, its grouping and its CSV download. */
export function ReportToolbar({
  storeId,
  list,
  report,
  params,
  period,
  groupBy,
  children,
}: ReportToolbarProps) {
  return (
    <div className={period ? 'toolbar toolbar--dates' : 'toolbar'}>
      {period && <PeriodFields list={list} />}
      {groupBy && (
        <GroupByField list={list} options={groupBy.options} fallback={groupBy.fallback} />
      )}
      {children}
      <DownloadCsvButton storeId={storeId} report={report} params={params} />
    </div>
  );
}
