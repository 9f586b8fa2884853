import { ValidationError, type ErrorDetail } from '../../../core/errors';
import type { CustomReportParams } from './custom.schemas';
import { filterSql } from './filter-sql';
import { AGGREGATES, DATASETS, DEFAULT_LIMIT, OPERATORS, type FieldType } from './whitelist';

export interface Column {
  name: string;
  label: string;
  type: FieldType;
}

export interface BuiltQuery {
  text: string;
  values: unknown[];
  columns: Column[];
}

/** A date column is read back as `YYYY-MM-DD` text, whatever the driver does with dates. */
const shown = (sql: string, type: FieldType) =>
  type === 'date' ? `to_char(${sql}, 'YYYY-MM-DD')` : sql;

/**
 * The SQL of a custom report, or a 400 naming every part of the request the whitelist does
 * not have. Identifiers come from the whitelist; the request's values become $n parameters;
 * output columns are positional (`c0`, `c1`, …) and sorted by position.
 */
export function buildQuery(storeId: string, q: CustomReportParams): BuiltQuery {
  const dataset = DATASETS[q.dataset];
  if (!dataset) {
    throw new ValidationError([
      {
        field: 'dataset',
        message: `is not a dataset (one of ${Object.keys(DATASETS).join(', ')})`,
        code: 'invalid_value',
      },
    ]);
  }
  const details: ErrorDetail[] = [];
  const field = (name: string, at: string) => {
    const def = dataset.fields[name];
    if (!def) {
      details.push({
        field: at,
        message: `"${name}" is not a field of ${q.dataset}`,
        code: 'invalid_value',
      });
    }
    return def;
  };
  const values: unknown[] = [storeId];
  const grouped = Boolean(q.groupBy?.length || q.aggregates?.length);
  const select: string[] = [];
  const columns: Column[] = [];

  const groupSql: string[] = [];
  (q.groupBy ?? []).forEach((name, i) => {
    const def = field(name, `groupBy.${i}`);
    if (def?.groupable === false) {
      details.push({
        field: `groupBy.${i}`,
        message: `"${name}" cannot be grouped`,
        code: 'invalid_value',
      });
    } else if (def) groupSql.push(def.sql);
  });
  q.fields.forEach((name, i) => {
    const def = field(name, `fields.${i}`);
    if (!def) return;
    if (grouped && !q.groupBy?.includes(name)) {
      details.push({
        field: `fields.${i}`,
        message: `"${name}" must be in groupBy to be shown with aggregates`,
        code: 'invalid_value',
      });
      return;
    }
    select.push(shown(def.sql, def.type));
    columns.push({ name, label: def.label, type: def.type });
  });
  (q.aggregates ?? []).forEach((a, i) => {
    if (a.field === undefined) {
      if (a.fn !== 'count') {
        details.push({
          field: `aggregates.${i}.field`,
          message: `${a.fn} needs a field`,
          code: 'invalid_value',
        });
        return;
      }
      select.push('count(*)');
      columns.push({ name: 'count', label: 'Count', type: 'number' });
      return;
    }
    const def = field(a.field, `aggregates.${i}.field`);
    if (!def) return;
    if (!AGGREGATES[a.fn]!.includes(def.type)) {
      details.push({
        field: `aggregates.${i}.fn`,
        message: `${a.fn} does not apply to ${def.type} field "${a.field}"`,
        code: 'invalid_value',
      });
      return;
    }
    const type: FieldType =
      a.fn === 'count' || a.fn === 'sum' || a.fn === 'avg' ? 'number' : def.type;
    select.push(shown(`${a.fn}(${def.sql})`, type));
    columns.push({ name: `${a.fn}_${a.field}`, label: `${a.fn} of ${def.label}`, type });
  });
  const names = columns.map((c) => c.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i)
      details.push({
        field: 'fields',
        message: `column "${n}" is asked twice`,
        code: 'invalid_value',
      });
  });
  if (!columns.length && !details.length) {
    details.push({
      field: 'fields',
      message: 'name at least one field or aggregate',
      code: 'too_small',
    });
  }

  const where = [`${dataset.store} = $1`];
  (q.filters ?? []).forEach((flt, i) => {
    const def = field(flt.field, `filters.${i}.field`);
    if (!def) return;
    if (!OPERATORS[def.type].includes(flt.op)) {
      details.push({
        field: `filters.${i}.op`,
        message: `${flt.op} does not apply to ${def.type} field "${flt.field}" (use ${OPERATORS[def.type].join(', ')})`,
        code: 'invalid_value',
      });
      return;
    }
    const sql = filterSql(def, flt.op, flt.value, values, `filters.${i}.value`, details);
    if (sql) where.push(sql);
  });

  const order: string[] = [];
  (q.sort ?? []).forEach((s, i) => {
    const at = names.indexOf(s.field);
    if (at < 0) {
      details.push({
        field: `sort.${i}.field`,
        message: `"${s.field}" is not a column of the report (${names.join(', ')})`,
        code: 'invalid_value',
      });
    } else order.push(`${at + 1} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`);
  });
  if (details.length) throw new ValidationError(details);

  values.push(q.limit ?? DEFAULT_LIMIT);
  const text = [
    `SELECT ${select.map((s, i) => `${s} AS c${i}`).join(', ')}`,
    `FROM ${dataset.from}`,
    `WHERE ${where.join(' AND ')}`,
    groupSql.length ? `GROUP BY ${groupSql.join(', ')}` : '',
    order.length ? `ORDER BY ${order.join(', ')}` : '',
    `LIMIT $${values.length}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { text, values, columns };
}
