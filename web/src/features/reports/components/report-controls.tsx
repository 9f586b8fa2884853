import { SelectField, TextField } from '@/components/form-field';
import type { useListParams } from '@/lib/use-list-params';

type ListParams = ReturnType<typeof useListParams>;

/** The period's first and last day, kept in the URL; empty means the report's default period. */
export function PeriodFields({ list }: { list: ListParams }) {
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

export function GroupByField({
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
