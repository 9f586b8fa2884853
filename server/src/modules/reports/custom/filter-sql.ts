import type { ErrorDetail } from '../../../core/errors';
import type { FieldDef, FieldType } from './whitelist';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CAST: Record<FieldType, string> = {
  string: 'text',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  uuid: 'uuid',
};
const COMPARE: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

/** Why `v` is not a value of `type`, or undefined when it is one. */
function problemOf(type: FieldType, v: unknown): string | undefined {
  switch (type) {
    case 'string':
      return typeof v === 'string' && v.length <= 200
        ? undefined
        : 'must be text (at most 200 characters)';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e15
        ? undefined
        : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'uuid':
      return typeof v === 'string' && UUID.test(v) ? undefined : 'must be an id (uuid)';
    case 'date':
      return typeof v === 'string' &&
        DATE.test(v) &&
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
        ? undefined
        : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v))
        ? undefined
        : 'must be an ISO 8601 date-time';
  }
}

/**
 * One filter's SQL, its value(s) appended to `values` as parameters; a wrong value is added to
 * `details` (at `at`) and no SQL returned.
 */
export function filterSql(
  def: FieldDef,
  op: string,
  value: unknown,
  values: unknown[],
  at: string,
  details: ErrorDetail[],
): string | undefined {
  const fail = (message: string) =>
    void details.push({ field: at, message, code: 'invalid_value' });
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}::${CAST[def.type]}`;
  };
  if (op === 'is_null' || op === 'not_null') {
    if (value !== undefined) return fail(`${op} takes no value`);
    return `${def.sql} IS ${op === 'is_null' ? '' : 'NOT '}NULL`;
  }
  if (op === 'in' || op === 'between') {
    const size = op === 'between' ? [2, 2] : [1, 100];
    if (!Array.isArray(value) || value.length < size[0]! || value.length > size[1]!) {
      return fail(
        op === 'between'
          ? 'must be an array of two values [from, to]'
          : 'must be an array of 1 to 100 values',
      );
    }
    const problem = value.map((v) => problemOf(def.type, v)).find(Boolean);
    if (problem) return fail(`each value ${problem}`);
    if (op === 'between') return `${def.sql} BETWEEN ${param(value[0])} AND ${param(value[1])}`;
    values.push(value);
    return `${def.sql} = ANY($${values.length}::${CAST[def.type]}[])`;
  }
  const problem = problemOf(def.type, value);
  if (problem) return fail(problem);
  if (op === 'contains' || op === 'starts_with') {
    // The text is matched literally: LIKE's own wildcards in it are escaped.
    const literal = (value as string).replace(/[\\%_]/g, '\\$&');
    return `${def.sql} ILIKE ${param(op === 'contains' ? `%${literal}%` : `${literal}%`)}`;
  }
  return `${def.sql} ${COMPARE[op]} ${param(value)}`;
}
