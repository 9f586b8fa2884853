import type { Db } from '../../db/pool';

/** A pending invoice due on or before `until` (`YYYY-MM-DD`), overdue or not. */
export async function dueInvoices(
  db: Db,
  storeId: string,
  until: string,
): Promise<{ id: string; invoiceNumber: string | null; dueOn: string }[]> {
  const { rows } = await db.query<{ id: string; invoice_number: string | null; due_on: string }>(
    `SELECT id, invoice_number, due_date::text AS due_on FROM invoices
     WHERE store_id = $1 AND status = 'pending' AND due_date <= $2::date
     ORDER BY due_date, invoice_number`,
    [storeId, until],
  );
  return rows.map((r) => ({ id: r.id, invoiceNumber: r.invoice_number, dueOn: r.due_on }));
}
