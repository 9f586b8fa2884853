import { Button } from '@/components/button';
import { SelectField } from '@/components/form-field';
import type { CustomAggregate, CustomField, CustomReportSchema } from '../api/types';
import { errorUnder } from './custom-request';

const fnLabels: Record<string, string> = {
  count: 'Count',
  sum: 'Sum',
  avg: 'Average',
  min: 'Smallest',
  max: 'Largest',
};

interface AggregateRowsProps {
  fields: CustomField[];
  aggregates: CustomReportSchema['aggregates'];
  rows: CustomAggregate[];
  errors: Record<string, string>;
  onChange: (rows: CustomAggregate[]) => void;
}

/** Totals per group: a function and the field it applies to (count may count rows). */
export function CustomAggregateRows({
  fields,
  aggregates,
  rows,
  errors,
  onChange,
}: AggregateRowsProps) {
  const fns = Object.keys(aggregates) as CustomAggregate['fn'][];
  const fieldsFor = (fn: string) => fields.filter((f) => aggregates[fn]?.includes(f.type));
  const update = (i: number, change: Partial<CustomAggregate>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <fieldset className="form__section">
      <legend>Totals</legend>
      {rows.map((row, i) => (
        <div className="filter-row" key={i}>
          <SelectField
            label={`Total ${i + 1} function`}
            name={`aggregate-${i}-fn`}
            value={row.fn}
            options={fns.map((fn) => ({ value: fn, label: fnLabels[fn] ?? fn }))}
            error={errors[`aggregates.${i}.fn`]}
            onChange={(e) => {
              const fn = e.target.value as CustomAggregate['fn'];
              const allowed = fieldsFor(fn).some((f) => f.name === row.field);
              update(i, {
                fn,
                field: allowed ? row.field : fn === 'count' ? undefined : fieldsFor(fn)[0]?.name,
              });
            }}
          />
          <SelectField
            label={`Total ${i + 1} field`}
            name={`aggregate-${i}-field`}
            value={row.field ?? ''}
            options={[
              ...(row.fn === 'count' ? [{ value: '', label: 'Rows' }] : []),
              ...fieldsFor(row.fn).map((f) => ({ value: f.name, label: f.label })),
            ]}
            error={
              errorUnder(errors, `aggregates.${i}.field`) ?? errorUnder(errors, `aggregates.${i}`)
            }
            onChange={(e) => update(i, { field: e.target.value || undefined })}
          />
          <Button variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove total {i + 1}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { fn: 'count' }])}>
        Add a total
      </Button>
    </fieldset>
  );
}
