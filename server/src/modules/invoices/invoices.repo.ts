import { ConflictError } from '../../core/errors';
import { named } from '../../core/ids';
import { isUniqueViolation, type Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import type { ExtractedInvoice } from './invoice-extract';
import { lineMismatches, totalsOf, type InvoiceTotals, type LineMismatch } from './invoice-totals';

export type InvoiceStatus = 'pending' | 'paid' | 'overdue';

export interface Invoice {
  id: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  dueDate: string | null;
  supplier: { id: string; name: string } | null;
  supplierName: string | null;
  /** Said when no supplier is set: nothing can be matched to its orders and deliveries. */
  supplierWarning: string | null;
  purchaseOrder: { id: string; orderNumber: string } | null;
  subtotal: number | null;
  tax: number | null;
  total: number | null;
  status: InvoiceStatus;
  paidAt: string | null;
  fileName: string;
  fileType: 'csv' | 'xlsx' | 'pdf' | 'png' | 'jpeg';
  fileSize: number;
  warnings: string[];
  lineCount: number;
  reconciledAt: string | null;
  reconciledBy: { id: string; name: string } | null;
  /** Its lines' totals beside what the invoice says they come to (its total less tax). */
  totals: InvoiceTotals;
  /** Paid though not reconciled or not adding up: what the person confirmed, who, when. */
  paymentConfirmation: {
    reasons: PaymentConfirmationReason[];
    confirmedBy: { id: string; name: string } | null;
    confirmedAt: string;
  } | null;
  createdAt: string;
}

export type PaymentConfirmationReason = 'unreconciled' | 'total_mismatch';

export type InvoiceRow = Row<
  'invoices',
  | 'id'
  | 'invoice_number'
  | 'supplier_id'
  | 'supplier_name'
  | 'purchase_order_id'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'paid_at'
  | 'file_name'
  | 'file_size'
  | 'reconciled_at'
  | 'reconciled_by'
  | 'paid_confirmed_by'
  | 'paid_confirmed_at'
  | 'created_at'
> & {
  /** `YYYY-MM-DD` */
  invoice_date: string | null;
  due_date: string | null;
  /** Overdue worked out on read. */
  status: InvoiceStatus;
  file_type: Invoice['fileType'];
  warnings: string[];
  paid_confirmed_reasons: PaymentConfirmationReason[] | null;
  line_count: number;
  lines_total: string;
  odd_lines: Array<Omit<LineMismatch, 'expected' | 'difference'>>;
  created_key: string;
};

const num = (v: string | null) => (v === null ? null : Number(v));

const SET_IT =
  'Set the supplier so its lines can be matched to what was ordered and received from it.';
const supplierWarning = (r: InvoiceRow) =>
  r.supplier_id
    ? null
    : r.supplier_name
      ? `No supplier is set: "${r.supplier_name}", as the invoice names it, matched none of this store's suppliers. ${SET_IT}`
      : `No supplier is set: the invoice does not name one. ${SET_IT}`;
/** The names an invoice shows of other modules' rows: its supplier's, its order's, people's. */
export interface InvoiceNames {
  suppliers: ReadonlyMap<string, string>;
  orders: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

export function toInvoice(r: InvoiceRow, names: InvoiceNames): Invoice {
  return {
    id: r.id,
    invoiceNumber: r.invoice_number,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    supplier: named(r.supplier_id, names.suppliers),
    supplierName: r.supplier_name,
    supplierWarning: supplierWarning(r),
    purchaseOrder: r.purchase_order_id
      ? { id: r.purchase_order_id, orderNumber: names.orders.get(r.purchase_order_id) ?? '' }
      : null,
    subtotal: num(r.subtotal),
    tax: num(r.tax),
    total: num(r.total),
    status: r.status,
    paidAt: r.paid_at?.toISOString() ?? null,
    fileName: r.file_name,
    fileType: r.file_type,
    fileSize: r.file_size,
    warnings: r.warnings,
    lineCount: r.line_count,
    reconciledAt: r.reconciled_at?.toISOString() ?? null,
    reconciledBy: named(r.reconciled_by, names.users),
    totals: totalsOf({
      linesTotal: Number(r.lines_total),
      subtotal: num(r.subtotal),
      tax: num(r.tax),
      total: num(r.total),
      mismatches: lineMismatches(r.odd_lines),
    }),
    paymentConfirmation:
      r.paid_confirmed_at && r.paid_confirmed_reasons
        ? {
            reasons: r.paid_confirmed_reasons,
            confirmedBy: named(r.paid_confirmed_by, names.users),
            confirmedAt: r.paid_confirmed_at.toISOString(),
          }
        : null,
    createdAt: r.created_at.toISOString(),
  };
}

/** `overdue` is never stored: a pending invoice whose due date is before today in the store's zone ($2). */
const TODAY = `today.d`;
const WITH_TODAY = `CROSS JOIN (SELECT (now() AT TIME ZONE $2)::date AS d) today`;
const STATUS = `CASE WHEN i.status = 'pending' AND i.due_date < ${TODAY} THEN 'overdue' ELSE i.status END`;

// The supplier's name, the order's number and people's names are their owners' (invoice-views.ts).
const SELECT = `SELECT i.id, i.invoice_number, i.invoice_date::text, i.due_date::text, i.supplier_id,
  i.supplier_name, i.purchase_order_id, i.subtotal, i.tax, i.total,
  ${STATUS} AS status, i.paid_at, i.file_name, i.file_type, i.file_size, i.warnings,
  (SELECT count(*)::int FROM invoice_lines l WHERE l.invoice_id = i.id) AS line_count,
  (SELECT coalesce(sum(l.total), 0) FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines_total,
  (SELECT coalesce(json_agg(json_build_object('lineId', l.id, 'position', l.position,
       'description', l.description, 'quantity', l.quantity, 'unitCost', l.unit_cost,
       'total', l.total) ORDER BY l.position), '[]')
     FROM invoice_lines l WHERE l.invoice_id = i.id
       AND abs(l.total - round(l.quantity * l.unit_cost, 2)) > 0.01) AS odd_lines,
  i.reconciled_at, i.reconciled_by,
  i.paid_confirmed_reasons, i.paid_confirmed_by, i.paid_confirmed_at,
  i.created_at,
  to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
  FROM invoices i ${WITH_TODAY}`;

export async function find(db: Db, storeId: string, timezone: string, id: string) {
  const { rows } = await db.query<InvoiceRow>(`${SELECT} WHERE i.store_id = $1 AND i.id = $3`, [
    storeId,
    timezone,
    id,
  ]);
  return rows[0];
}

export interface InvoiceFilters {
  supplierId?: string;
  status?: InvoiceStatus;
  dateFrom?: string;
  dateTo?: string;
  minTotal?: number;
  maxTotal?: number;
  limit: number;
}

/** Newest first, a page of limit + 1 (the extra row says there is a next page), after a cursor. */
export async function list(
  db: Db,
  storeId: string,
  timezone: string,
  f: InvoiceFilters,
  after?: { createdAt: string; id: string },
) {
  const where = ['i.store_id = $1'];
  const params: unknown[] = [storeId, timezone];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.supplierId) add((p) => `i.supplier_id = ${p}`, f.supplierId);
  if (f.status === 'paid') where.push(`i.status = 'paid'`);
  if (f.status === 'pending')
    where.push(`i.status = 'pending' AND (i.due_date IS NULL OR i.due_date >= ${TODAY})`);
  if (f.status === 'overdue') where.push(`i.status = 'pending' AND i.due_date < ${TODAY}`);
  if (f.dateFrom) add((p) => `i.invoice_date >= ${p}::date`, f.dateFrom);
  if (f.dateTo) add((p) => `i.invoice_date <= ${p}::date`, f.dateTo);
  if (f.minTotal !== undefined) add((p) => `i.total >= ${p}`, f.minTotal);
  if (f.maxTotal !== undefined) add((p) => `i.total <= ${p}`, f.maxTotal);
  const filtered = where.join(' AND ');
  const countParams = [...params];
  if (after) {
    params.push(after.createdAt, after.id);
    where.push(
      `(i.created_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
    );
  }
  params.push(f.limit + 1);
  const [{ rows }, counted] = await Promise.all([
    db.query<InvoiceRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.length}`,
      params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM invoices i ${WITH_TODAY} WHERE ${filtered}`,
      countParams,
    ),
  ]);
  return { rows, total: one(counted.rows).n };
}

const duplicateNumber = (message: string) =>
  new ConflictError(message, [
    { field: 'invoiceNumber', message: 'is already uploaded for this supplier', code: 'duplicate' },
  ]);

export async function insertInvoice(
  db: Db,
  storeId: string,
  inv: ExtractedInvoice & {
    supplierId: string | null;
    purchaseOrderId: string | null;
    fileName: string;
    fileType: Invoice['fileType'];
    fileSize: number;
    createdBy: string;
  },
): Promise<string> {
  try {
    const { rows } = await db.query<Row<'invoices', 'id'>>(
      `INSERT INTO invoices (store_id, supplier_id, purchase_order_id, invoice_number, invoice_date,
         due_date, subtotal, tax, total, file_name, file_type, file_size, warnings, supplier_name, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        storeId,
        inv.supplierId,
        inv.purchaseOrderId,
        inv.invoiceNumber,
        inv.invoiceDate,
        inv.dueDate,
        inv.subtotal,
        inv.tax,
        inv.total,
        inv.fileName,
        inv.fileType,
        inv.fileSize,
        JSON.stringify(inv.warnings),
        inv.supplierName,
        inv.createdBy,
      ],
    );
    return one(rows).id;
  } catch (err) {
    if (isUniqueViolation(err, 'invoices_store_supplier_number_key'))
      throw duplicateNumber(
        `Invoice ${inv.invoiceNumber} from this supplier has already been uploaded`,
      );
    throw err;
  }
}

/**
 * The invoice's supplier set in the review, and the order it is now tied to (if any). The same
 * supplier's invoice number once per store holds here as at upload: a 409.
 */
export async function setSupplier(
  db: Db,
  storeId: string,
  id: string,
  set: { supplierId: string; purchaseOrderId: string | null; invoiceNumber: string | null },
) {
  try {
    await db.query(
      `UPDATE invoices SET supplier_id = $3, purchase_order_id = $4, updated_at = now()
       WHERE store_id = $1 AND id = $2`,
      [storeId, id, set.supplierId, set.purchaseOrderId],
    );
  } catch (err) {
    if (isUniqueViolation(err, 'invoices_store_supplier_number_key'))
      throw duplicateNumber(
        `Invoice ${set.invoiceNumber} from this supplier has already been uploaded`,
      );
    throw err;
  }
}

/** The invoice's number and date as a person corrected them; a number taken is a 409. */
export async function setDetails(
  db: Db,
  storeId: string,
  id: string,
  set: { invoiceNumber?: string | null; invoiceDate?: string | null },
) {
  try {
    await db.query(
      `UPDATE invoices SET updated_at = now(),
         invoice_number = CASE WHEN $3 THEN $4 ELSE invoice_number END,
         invoice_date = CASE WHEN $5 THEN $6::date ELSE invoice_date END
       WHERE store_id = $1 AND id = $2`,
      [
        storeId,
        id,
        set.invoiceNumber !== undefined,
        set.invoiceNumber ?? null,
        set.invoiceDate !== undefined,
        set.invoiceDate ?? null,
      ],
    );
  } catch (err) {
    if (isUniqueViolation(err, 'invoices_store_supplier_number_key'))
      throw duplicateNumber(
        `Invoice ${set.invoiceNumber} from this supplier has already been uploaded`,
      );
    throw err;
  }
}

/** Locks the invoice for a status change, a line correction or the reconciliation. */
export async function lockInvoice(db: Db, storeId: string, id: string) {
  const { rows } = await db.query<
    Row<
      'invoices',
      | 'id'
      | 'invoice_number'
      | 'supplier_id'
      | 'purchase_order_id'
      | 'reconciled_at'
      | 'subtotal'
      | 'tax'
      | 'total'
    > & { status: 'pending' | 'paid' }
  >(
    `SELECT id, status, invoice_number, supplier_id, purchase_order_id, reconciled_at, subtotal, tax, total
     FROM invoices WHERE store_id = $1 AND id = $2 FOR UPDATE`,
    [storeId, id],
  );
  return rows[0];
}

/**
 * Paid (with what the person confirmed to pay it, if anything) or pending again (which
 * clears the payment and its confirmation).
 */
export async function setStatus(
  db: Db,
  storeId: string,
  id: string,
  status: 'pending' | 'paid',
  confirmed?: { reasons: PaymentConfirmationReason[]; userId: string },
) {
  await db.query(
    `UPDATE invoices SET status = $3, paid_at = CASE WHEN $3 = 'paid' THEN now() END,
       paid_confirmed_reasons = $4, paid_confirmed_by = $5,
       paid_confirmed_at = CASE WHEN $4::text[] IS NULL THEN NULL ELSE now() END, updated_at = now()
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, status, confirmed?.reasons ?? null, confirmed?.userId ?? null],
  );
}
