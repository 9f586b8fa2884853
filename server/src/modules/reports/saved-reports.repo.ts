import { ConflictError } from '../../core/errors';
import type { Db } from '../../db/pool';
import { isUniqueViolation } from '../../db/pool';
import { one, type Row } from '../../db/rows';

export type SavedReportRow = Row<
  'saved_reports',
  'id' | 'name' | 'report' | 'params' | 'created_by' | 'created_at'
>;

const COLUMNS = 'id, name, report, params, created_by, created_at';

/** The store's saved reports by name. */
export async function list(db: Db, storeId: string): Promise<SavedReportRow[]> {
  const { rows } = await db.query<SavedReportRow>(
    `SELECT ${COLUMNS} FROM saved_reports WHERE store_id = $1 ORDER BY lower(name), id`,
    [storeId],
  );
  return rows;
}

export async function find(db: Db, storeId: string, id: string) {
  const { rows } = await db.query<SavedReportRow>(
    `SELECT ${COLUMNS} FROM saved_reports WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
  return rows[0];
}

export async function insert(
  db: Db,
  storeId: string,
  r: { name: string; report: string; params: unknown; userId: string | null },
): Promise<SavedReportRow> {
  try {
    const { rows } = await db.query<SavedReportRow>(
      `INSERT INTO saved_reports (store_id, name, report, params, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [storeId, r.name, r.report, JSON.stringify(r.params), r.userId],
    );
    return one(rows);
  } catch (err) {
    if (isUniqueViolation(err, 'saved_reports_store_name_key')) {
      throw new ConflictError('A saved report with this name already exists', [
        { field: 'name', message: 'is already used by another saved report', code: 'duplicate' },
      ]);
    }
    throw err;
  }
}

export async function remove(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM saved_reports WHERE store_id = $1 AND id = $2', [
    storeId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}
