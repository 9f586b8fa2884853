import { Button } from '@/components/button';
import { SelectField, TextField } from '@/components/form-field';
import type { CustomField, CustomFilter, CustomReportSchema } from '../api/types';
import { errorUnder, NO_VALUE, type FilterDraft } from './custom-request';

const opLabels: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
  between: 'between',
  in: 'one of (comma-separated)',
  contains: 'contains',
  starts_with: 'starts with',
  is_null: 'is empty',
  not_null: 'is not empty',
};

const inputType = (field: CustomField | undefined) =>
  field?.type === 'date' ? 'date' : field?.type === 'datetime' ? 'datetime-local' : 'text';

interface FilterRowsProps {
  fields: CustomField[];
  operators: CustomReportSchema['operators'];
  filters: FilterDraft[];
  errors: Record<string, string>;
  onChange: (filters: FilterDraft[]) => void;
}

/** Conditions every row must meet: a field, an operator its type allows, and a value. */
export function CustomFilterRows({
  fields,
  operators,
  filters,
  errors,
  onChange,
}: FilterRowsProps) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const opsOf = (field: CustomField | undefined) => (field ? (operators[field.type] ?? []) : []);
  const update = (i: number, change: Partial<FilterDraft>) =>
    onChange(filters.map((f, j) => (j === i ? { ...f, ...change } : f)));

  function add() {
    const field = fields[0];
    if (!field) return;
    const op = (opsOf(field)[0] ?? 'eq') as CustomFilter['op'];
    onChange([...filters, { field: field.name, op, value: '', value2: '' }]);
  }

  return (
    <fieldset className="form__section">
      <legend>Filters</legend>
      {filters.length === 0 && <p className="muted small">No filters: every record is read.</p>}
      {filters.map((filter, i) => {
        const field = byName.get(filter.field);
        const row = `Filter ${i + 1}`;
        return (
          <div className="filter-row" key={i}>
            <SelectField
              label={`${row} field`}
              name={`filter-${i}-field`}
              value={filter.field}
              options={fields.map((f) => ({ value: f.name, label: f.label }))}
              error={errors[`filters.${i}.field`]}
              onChange={(e) => {
                const next = byName.get(e.target.value);
                const ops = opsOf(next);
                update(i, {
                  field: e.target.value,
                  op: (ops.includes(filter.op)
                    ? filter.op
                    : (ops[0] ?? 'eq')) as CustomFilter['op'],
                });
              }}
            />
            <SelectField
              label={`${row} condition`}
              name={`filter-${i}-op`}
              value={filter.op}
              options={opsOf(field).map((op) => ({ value: op, label: opLabels[op] ?? op }))}
              error={errors[`filters.${i}.op`]}
              onChange={(e) => update(i, { op: e.target.value as CustomFilter['op'] })}
            />
            {!NO_VALUE.has(filter.op) &&
              (field?.type === 'boolean' ? (
                <SelectField
                  label={`${row} value`}
                  name={`filter-${i}-value`}
                  value={filter.value || 'true'}
                  options={[
                    { value: 'true', label: 'Yes' },
                    { value: 'false', label: 'No' },
                  ]}
                  onChange={(e) => update(i, { value: e.target.value })}
                />
              ) : (
                <TextField
                  label={filter.op === 'between' ? `${row} from` : `${row} value`}
                  name={`filter-${i}-value`}
                  type={filter.op === 'in' ? 'text' : inputType(field)}
                  inputMode={field?.type === 'number' ? 'decimal' : undefined}
                  value={filter.value}
                  error={
                    errorUnder(errors, `filters.${i}.value`) ?? errorUnder(errors, `filters.${i}`)
                  }
                  onChange={(e) => update(i, { value: e.target.value })}
                />
              ))}
            {filter.op === 'between' && (
              <TextField
                label={`${row} to`}
                name={`filter-${i}-value2`}
                type={inputType(field)}
                inputMode={field?.type === 'number' ? 'decimal' : undefined}
                value={filter.value2}
                onChange={(e) => update(i, { value2: e.target.value })}
              />
            )}
            <Button variant="ghost" onClick={() => onChange(filters.filter((_, j) => j !== i))}>
              Remove filter {i + 1}
            </Button>
          </div>
        );
      })}
      <Button variant="secondary" onClick={add}>
        Add a filter
      </Button>
    </fieldset>
  );
}
