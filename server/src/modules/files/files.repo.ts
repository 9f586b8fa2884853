import { ConflictError } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type Purpose = 'invoice' | 'product_image';

export type FileRow = Row<
  'files',
  | 'id'
  | 'name'
  | 'content_type'
  | 'size_bytes'
  | 'storage_key'
  | 'variants'
  | 'width'
  | 'height'
  | 'created_at'
>;

const COLUMNS =
  'id, name, content_type, size_bytes, storage_key, variants, width, height, created_at';

export async function insertFile(
  db: Db,
  storeId: string,
  f: {
    id: string;
    purpose: Purpose;
    subjectId: string;
    name: string;
    contentType: string;
    size: number;
    storageKey: string;
    variants: string[];
    width: number | null;
    height: number | null;
    createdBy: string | null;
  },
): Promise<void> {
  try {
    await db.query(
      `INSERT INTO files (id, store_id, purpose, subject_id, name, content_type, size_bytes,
         storage_key, variants, width, height, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        f.id,
        storeId,
        f.purpose,
        f.subjectId,
        f.name,
        f.contentType,
        f.size,
        f.storageKey,
        f.variants,
        f.width,
        f.height,
        f.createdBy,
      ],
    );
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new ConflictError('Another upload replaced this file at the same time: try again');
    }
    throw err;
  }
}

/** The subject's live file (the newest, should there be several invoices' originals). */
export async function findLive(
  db: Db,
  storeId: string,
  purpose: Purpose,
  subjectId: string,
): Promise<FileRow | undefined> {
  const { rows } = await db.query<FileRow>(
    `SELECT ${COLUMNS} FROM files
      WHERE store_id = $1 AND purpose = $2 AND subject_id = $3 AND deleted_at IS NULL
      ORDER BY created_at DESC LIMIT 1`,
    [storeId, purpose, subjectId],
  );
  return rows[0];
}

/** Marks the subject's live files removed; their bytes stay until the retention job. */
export async function softDelete(
  db: Db,
  storeId: string,
  purpose: Purpose,
  subjectId: string,
): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE files SET deleted_at = now()
      WHERE store_id = $1 AND purpose = $2 AND subject_id = $3 AND deleted_at IS NULL`,
    [storeId, purpose, subjectId],
  );
  return rowCount ?? 0;
}

export type LiveImageRow = Row<'files', 'id' | 'subject_id' | 'width' | 'height'>;

export async function liveImages(
  db: Db,
  storeId: string,
  subjectIds: readonly string[],
): Promise<LiveImageRow[]> {
  const { rows } = await db.query<LiveImageRow>(
    `SELECT id, subject_id, width, height FROM files
      WHERE store_id = $1 AND purpose = 'product_image' AND subject_id = ANY($2::uuid[])
        AND deleted_at IS NULL`,
    [storeId, subjectIds],
  );
  return rows;
}

/** Removed files past their retention, oldest first, a batch at a time. */
export async function expired(
  db: Db,
  before: Date,
  limit: number,
): Promise<Array<Row<'files', 'id' | 'storage_key' | 'variants'>>> {
  const { rows } = await db.query<Row<'files', 'id' | 'storage_key' | 'variants'>>(
    `SELECT id, storage_key, variants FROM files
      WHERE deleted_at IS NOT NULL AND deleted_at < $1
      ORDER BY deleted_at LIMIT $2`,
    [before, limit],
  );
  return rows;
}

export async function deleteRows(db: Db, ids: readonly string[]): Promise<void> {
  await db.query(`DELETE FROM files WHERE id = ANY($1::uuid[])`, [ids]);
}

/** Every file of a store, live or removed (what deleting the store must take from storage). */
export async function ofStore(
  db: Db,
  storeId: string,
): Promise<Array<Row<'files', 'storage_key' | 'variants'>>> {
  const { rows } = await db.query<Row<'files', 'storage_key' | 'variants'>>(
    'SELECT storage_key, variants FROM files WHERE store_id = $1',
    [storeId],
  );
  return rows;
}
