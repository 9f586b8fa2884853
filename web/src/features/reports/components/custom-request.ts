import type { CustomAggregate, CustomField, CustomFilter, CustomReportRequest } from '../api/types';

export interface FilterDraft {
  field: string;
  op: CustomFilter['op'];
  value: string;
  /** The upper bound of `between`. */
  value2: string;
}

export interface BuilderState {
  dataset: string;
  fields: string[];
  filters: FilterDraft[];
  groupBy: string[];
  aggregates: CustomAggregate[];
  sortField: string;
  sortDirection: 'asc' | 'desc';
  limit: string;
}

export function emptyState(dataset: string, fields: CustomField[]): BuilderState {
  return {
    dataset,
    // A report of nothing is no use: start with the dataset's first few fields ticked.
    fields: fields.slice(0, 4).map((f) => f.name),
    filters: [],
    groupBy: [],
    aggregates: [],
    sortField: '',
    sortDirection: 'asc',
    limit: '100',
  };
}

/** Operators that take no value, and those that take a list or a pair. */
export const NO_VALUE = new Set(['is_null', 'not_null']);

function typed(text: string, field: CustomField | undefined): unknown {
  const value = text.trim();
  if (field?.type === 'number') return value === '' ? value : Number(value);
  if (field?.type === 'boolean') return value === 'true';
  return value;
}

function filterValue(draft: FilterDraft, field: CustomField | undefined): unknown {
  if (draft.op === 'in') return draft.value.split(',').map((v) => typed(v, field));
  if (draft.op === 'between') return [typed(draft.value, field), typed(draft.value2, field)];
  return typed(draft.value, field);
}

/** The request the API takes; the server checks it against the whitelist and names what is wrong. */
export function toRequest(state: BuilderState, fields: CustomField[]): CustomReportRequest {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const limit = Number(state.limit);
  return {
    dataset: state.dataset,
    fields: state.fields,
    ...(state.filters.length
      ? {
          filters: state.filters.map((f) =>
            NO_VALUE.has(f.op)
              ? { field: f.field, op: f.op }
              : { field: f.field, op: f.op, value: filterValue(f, byName.get(f.field)) },
          ),
        }
      : {}),
    ...(state.groupBy.length ? { groupBy: state.groupBy } : {}),
    ...(state.aggregates.length ? { aggregates: state.aggregates } : {}),
    ...(state.sortField
      ? { sort: [{ field: state.sortField, direction: state.sortDirection }] }
      : {}),
    ...(state.limit.trim() ? { limit: Number.isFinite(limit) ? limit : Number.NaN } : {}),
  };
}

/** The output column an aggregate makes, as the API names it. */
export function aggregateColumn(aggregate: CustomAggregate): string {
  return aggregate.field ? `${aggregate.fn}_${aggregate.field}` : aggregate.fn;
}

/** The first server message about `path` or anything under it (`filters.0` → `filters.0.value`). */
export function errorUnder(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`) || k.startsWith(`${path}[`));
  return key ? errors[key] : undefined;
}
