import type { Db } from '../../../db/pool';
import { one, type Row } from '../../../db/rows';

export type ApprovalAction = 'void' | 'refund' | 'discount';

export interface NewApproval {
  id: string;
  tokenHash: string;
  action: ApprovalAction;
  saleId: string | null;
  /** A discount's: the most it may take off. */
  amount: number | null;
  requestedBy: string;
  approvedBy: string;
  method: 'pin' | 'password';
  ttlSeconds: number;
}

type ApprovalRow = Row<
  'sale_approvals',
  | 'id'
  | 'action'
  | 'sale_id'
  | 'amount'
  | 'refund_id'
  | 'requested_by'
  | 'approved_by'
  | 'method'
  | 'created_at'
  | 'expires_at'
  | 'used_at'
>;
const COLUMNS = `id, action, sale_id, amount, refund_id, requested_by, approved_by, method, created_at,
  expires_at, used_at`;

export async function insert(db: Db, storeId: string, a: NewApproval) {
  const { rows } = await db.query<ApprovalRow>(
    `INSERT INTO sale_approvals (id, store_id, token_hash, action, sale_id, requested_by,
       approved_by, method, expires_at, amount)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9), $10)
     RETURNING ${COLUMNS}`,
    [
      a.id,
      storeId,
      a.tokenHash,
      a.action,
      a.saleId,
      a.requestedBy,
      a.approvedBy,
      a.method,
      a.ttlSeconds,
      a.amount,
    ],
  );
  return one(rows);
}

/**
 * Marks the approval with this token used, when it is this store's, for this action (and
 * sale), asked for by this person, unused and unexpired, and (a discount's) for at least
 * `takenOff`: at most one caller ever gets it.
 */
export async function use(
  db: Db,
  storeId: string,
  tokenHash: string,
  want: { action: ApprovalAction; saleId: string | null; requestedBy: string; takenOff?: number },
) {
  const { rows } = await db.query<ApprovalRow>(
    `UPDATE sale_approvals SET used_at = now()
     WHERE store_id = $1 AND token_hash = $2 AND action = $3
       AND sale_id IS NOT DISTINCT FROM $4 AND requested_by = $5
       AND used_at IS NULL AND expires_at > now() AND ($6::numeric IS NULL OR amount >= $6)
     RETURNING ${COLUMNS}`,
    [storeId, tokenHash, want.action, want.saleId, want.requestedBy, want.takenOff ?? null],
  );
  return rows[0];
}

/** The same conditions as `use`, without using it (a quote). */
export async function usable(
  db: Db,
  storeId: string,
  tokenHash: string,
  want: { action: ApprovalAction; requestedBy: string; takenOff?: number },
) {
  const { rows } = await db.query<Row<'sale_approvals', 'id'>>(
    `SELECT id FROM sale_approvals
     WHERE store_id = $1 AND token_hash = $2 AND action = $3 AND requested_by = $4
       AND used_at IS NULL AND expires_at > now() AND ($5::numeric IS NULL OR amount >= $5)`,
    [storeId, tokenHash, want.action, want.requestedBy, want.takenOff ?? null],
  );
  return rows.length > 0;
}

/** What a used approval ended up approving: the new sale (a discount) or the refund. */
export async function attach(
  db: Db,
  storeId: string,
  id: string,
  to: { saleId?: string; refundId?: string },
) {
  await db.query(
    `UPDATE sale_approvals SET sale_id = COALESCE($3, sale_id), refund_id = COALESCE($4, refund_id)
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, to.saleId ?? null, to.refundId ?? null],
  );
}

/** A sale's used approvals, oldest first. */
export async function ofSale(db: Db, storeId: string, saleId: string) {
  const { rows } = await db.query<ApprovalRow>(
    `SELECT ${COLUMNS} FROM sale_approvals
     WHERE store_id = $1 AND sale_id = $2 AND used_at IS NOT NULL ORDER BY used_at, id`,
    [storeId, saleId],
  );
  return rows;
}

export async function saleExists(db: Db, storeId: string, saleId: string) {
  const { rows } = await db.query('SELECT 1 FROM sales WHERE store_id = $1 AND id = $2', [
    storeId,
    saleId,
  ]);
  return rows.length > 0;
}

export type { ApprovalRow };
