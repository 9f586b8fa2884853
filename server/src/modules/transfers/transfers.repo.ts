import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import type { Direction, TransferStatus } from './transfers.schemas';

type TransferRow = Row<
  'stock_transfers',
  | 'id'
  | 'store_id'
  | 'to_store_id'
  | 'note'
  | 'receive_note'
  | 'created_by'
  | 'created_at'
  | 'sent_at'
  | 'received_at'
  | 'cancelled_at'
> & { status: TransferStatus; line_count: number; units: number };

export type LineRow = Row<
  'stock_transfer_lines',
  | 'id'
  | 'line_no'
  | 'product_id'
  | 'to_product_id'
  | 'sku'
  | 'name'
  | 'quantity'
  | 'unit_cost'
  | 'received_quantity'
>;

const COLUMNS = `t.id, t.store_id, t.to_store_id, t.status, t.note, t.receive_note, t.created_by,
  t.created_at, t.sent_at, t.received_at, t.cancelled_at,
  (SELECT count(*)::int FROM stock_transfer_lines l WHERE l.transfer_id = t.id) AS line_count,
  (SELECT coalesce(sum(l.quantity), 0)::int FROM stock_transfer_lines l WHERE l.transfer_id = t.id) AS units`;

/**
 * Which transfers a store sees: those it sends (drafts too) and those it receives once sent
 * (a draft is the sender's own business until it leaves).
 */
const VISIBLE = `(t.store_id = $1 OR (t.to_store_id = $1 AND t.status <> 'draft'))`;

export async function insertTransfer(
  db: Db,
  storeId: string,
  t: { toStoreId: string; note: string | null; userId: string },
): Promise<string> {
  const { rows } = await db.query<Row<'stock_transfers', 'id'>>(
    `INSERT INTO stock_transfers (store_id, to_store_id, note, created_by)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [storeId, t.toStoreId, t.note, t.userId],
  );
  return one(rows).id;
}

export async function insertLines(
  db: Db,
  storeId: string,
  transferId: string,
  lines: { productId: string; sku: string; name: string; quantity: number }[],
): Promise<void> {
  await db.query(
    `INSERT INTO stock_transfer_lines (transfer_id, store_id, line_no, product_id, sku, name, quantity)
     SELECT $2, $1, l.n, l.product_id, l.sku, l.name, l.quantity
     FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[]) WITH ORDINALITY
       AS l(product_id, sku, name, quantity, n)`,
    [
      storeId,
      transferId,
      lines.map((l) => l.productId),
      lines.map((l) => l.sku),
      lines.map((l) => l.name),
      lines.map((l) => l.quantity),
    ],
  );
}

/** The transfer as `storeId` sees it (undefined: not one it sends or receives); `lock` for a change. */
export async function findTransfer(
  db: Db,
  storeId: string,
  id: string,
  lock = false,
): Promise<TransferRow | undefined> {
  const { rows } = await db.query<TransferRow>(
    `SELECT ${COLUMNS} FROM stock_transfers t WHERE t.id = $2 AND ${VISIBLE}
     ${lock ? 'FOR UPDATE OF t' : ''}`,
    [storeId, id],
  );
  return rows[0];
}

export async function linesOf(db: Db, transferId: string): Promise<LineRow[]> {
  const { rows } = await db.query<LineRow>(
    `SELECT id, line_no, product_id, to_product_id, sku, name, quantity, unit_cost, received_quantity
     FROM stock_transfer_lines WHERE transfer_id = $1 ORDER BY line_no`,
    [transferId],
  );
  return rows;
}

export async function markSent(
  db: Db,
  id: string,
  userId: string,
  lines: { id: string; toProductId: string; unitCost: number | null }[],
): Promise<void> {
  await db.query(
    `UPDATE stock_transfer_lines l SET to_product_id = x.to_product_id, unit_cost = x.unit_cost
     FROM unnest($2::uuid[], $3::uuid[], $4::numeric[]) AS x(id, to_product_id, unit_cost)
     WHERE l.transfer_id = $1 AND l.id = x.id`,
    [id, lines.map((l) => l.id), lines.map((l) => l.toProductId), lines.map((l) => l.unitCost)],
  );
  await db.query(
    `UPDATE stock_transfers SET status = 'sent', sent_at = now(), sent_by = $2 WHERE id = $1`,
    [id, userId],
  );
}

export async function markReceived(
  db: Db,
  id: string,
  userId: string,
  note: string | null,
  lines: { id: string; receivedQuantity: number }[],
): Promise<void> {
  await db.query(
    `UPDATE stock_transfer_lines l SET received_quantity = x.q
     FROM unnest($2::uuid[], $3::int[]) AS x(id, q)
     WHERE l.transfer_id = $1 AND l.id = x.id`,
    [id, lines.map((l) => l.id), lines.map((l) => l.receivedQuantity)],
  );
  await db.query(
    `UPDATE stock_transfers SET status = 'received', received_at = now(), received_by = $2,
       receive_note = $3 WHERE id = $1`,
    [id, userId, note],
  );
}

export async function markCancelled(db: Db, id: string, userId: string): Promise<void> {
  await db.query(
    `UPDATE stock_transfers SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2
     WHERE id = $1`,
    [id, userId],
  );
}

/** A page of the transfers a store sees, newest first. */
export async function listTransfers(
  db: Db,
  storeId: string,
  q: { status?: TransferStatus[]; direction?: Direction; limit: number; offset: number },
): Promise<{ rows: TransferRow[]; total: number }> {
  const filter = `${VISIBLE}
    AND ($2::text[] IS NULL OR t.status = ANY($2::text[]))
    AND ($3::text IS NULL OR ($3 = 'outgoing' AND t.store_id = $1)
                          OR ($3 = 'incoming' AND t.to_store_id = $1))`;
  const params = [storeId, q.status ?? null, q.direction ?? null];
  const { rows } = await db.query<TransferRow>(
    `SELECT ${COLUMNS} FROM stock_transfers t WHERE ${filter}
     ORDER BY t.created_at DESC, t.id DESC LIMIT $4 OFFSET $5`,
    [...params, q.limit, q.offset],
  );
  const { rows: n } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM stock_transfers t WHERE ${filter}`,
    params,
  );
  return { rows, total: one(n).n };
}
