import type { Tables } from './schema';

export type { Tables, TableName } from './schema';

/**
 * Columns `K` of table `T` as `pg` returns them (`schema.ts`, generated from the migrations):
 * the row type of a query that selects them as they are, `Row<'sales', 'id' | 'total'>`. What
 * the SQL computes, casts or renames (`day::text`, `count(*) AS n`, a column of a LEFT JOIN) is
 * added by hand (`& { n: number }`), and so is what a JSON column holds: `unknown & T` is `T`.
 */
export type Row<T extends keyof Tables, K extends keyof Tables[T]> = Pick<Tables[T], K>;

/**
 * The one row a statement always returns: an INSERT or UPDATE … RETURNING, a count, an
 * aggregate. None is a bug (an error, a 500), not an answer; `rows[0]` is the row that may be
 * missing.
 */
export function one<T>(rows: readonly T[]): T {
  if (rows.length === 0) throw new Error('The statement returned no row where one was expected');
  return rows[0] as T;
}
