import { z } from 'zod';
import { MONEY_MAX } from '../../core/limits';
import { money, paginationQuery, strictObject, typeMessage, uuid } from '../../http/validate';
import { LINE_ACTIONS } from './invoice-three-way';

const date = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const invoiceNumber = z
  .string(typeMessage('must be a text'))
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters');

/**
 * The form fields beside the file (multipart: every value is text). A number or date given
 * here is the invoice's, whatever the file says.
 */
export const uploadInvoiceFields = z.object({
  supplierId: uuid.optional(),
  invoiceNumber: invoiceNumber.optional(),
  invoiceDate: date.optional(),
});

const amountQuery = z.coerce
  .number({ message: 'must be a number' })
  .min(0, 'must not be negative')
  .max(MONEY_MAX * 100);
export const listInvoicesQuery = paginationQuery
  .extend({
    cursor: z.string().min(1).max(500).optional(),
    supplierId: uuid.optional(),
    status: z
      .enum(['pending', 'paid', 'overdue'], { message: 'must be pending, paid or overdue' })
      .optional(),
    dateFrom: date.optional(),
    dateTo: date.optional(),
    minTotal: amountQuery.optional(),
    maxTotal: amountQuery.optional(),
  })
  .refine((q) => !q.dateFrom || !q.dateTo || q.dateFrom <= q.dateTo, {
    message: 'must not be after dateTo',
    path: ['dateFrom'],
  })
  .refine((q) => q.minTotal === undefined || q.maxTotal === undefined || q.minTotal <= q.maxTotal, {
    message: 'must not be more than maxTotal',
    path: ['minTotal'],
  });

/** What a person confirms when paying an invoice that is not reconciled or does not add up. */
const confirmation = strictObject({
  unreconciled: z.boolean(typeMessage('must be true or false')).optional(),
  totalMismatch: z.boolean(typeMessage('must be true or false')).optional(),
});

export const invoiceStatusBody = z.object({
  status: z.enum(['pending', 'paid'], {
    error: (i) =>
      i.input === 'overdue'
        ? 'overdue is not set: it follows from the due date; set pending or paid'
        : 'must be pending or paid',
  }),
  confirm: confirmation.optional(),
});

/**
 * Corrections to the invoice's header: its supplier (the file's name for it matched none, or
 * the wrong one), its number and its date (read wrong, or not at all).
 */
export const updateInvoiceBody = z
  .object({
    supplierId: uuid.optional(),
    invoiceNumber: invoiceNumber.nullable().optional(),
    invoiceDate: date.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export const lineParams = z.object({ storeId: uuid, id: uuid, lineId: uuid });

export const updateLineBody = z.object({
  productId: uuid.nullable(),
  /** `created` when the product was just made from this line (the review's "create product"). */
  method: z.enum(['manual', 'created'], { message: 'must be manual or created' }).default('manual'),
});

const quantity = z
  .number(typeMessage('must be a whole number'))
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1,000,000');

const lineDecision = strictObject({
  lineId: uuid,
  /** null: the line is skipped (nothing matched or received for it). */
  productId: uuid.nullable(),
  /** Omitted: "already_received" when receipts not yet invoiced cover the line, else required. */
  action: z.enum(LINE_ACTIONS, { message: `must be one of ${LINE_ACTIONS.join(', ')}` }).optional(),
  /** The order the line settles (its receipts, and where "receive now" goes); null: none. */
  purchaseOrderId: uuid.nullable().optional(),
  quantity: quantity.optional(),
  unitCost: money.optional(),
  /** The line's unit cost becomes the product's cost. */
  acceptNewCost: z.boolean(typeMessage('must be true or false')).optional(),
});

const decisions = {
  /** The order the invoice settles, for every line that does not say otherwise. */
  purchaseOrderId: uuid.optional(),
  lines: z.array(lineDecision).max(5_000),
};

export const reconcileBody = z.object({
  ...decisions,
  lines: decisions.lines.min(1, 'decide every line of the invoice'),
});

/** The same choices, some or none yet: what reconciling would do with them. */
export const reconcilePreviewBody = z.object({
  ...decisions,
  lines: decisions.lines.default([]),
});

export type ListInvoicesQuery = z.infer<typeof listInvoicesQuery>;
export type ReconcileInput = z.infer<typeof reconcileBody>;
export type LineDecision = ReconcileInput['lines'][number];
export type StatusInput = z.infer<typeof invoiceStatusBody>;
export type UpdateLineInput = z.infer<typeof updateLineBody>;
export type UpdateInvoiceInput = z.infer<typeof updateInvoiceBody>;
export type ReconcilePreviewInput = z.infer<typeof reconcilePreviewBody>;
