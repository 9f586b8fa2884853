import { z } from 'zod';
import { paginationQuery, strictObject, typeMessage, uuid } from '../../http/validate';

export const TRANSFER_STATUSES = ['draft', 'sent', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** At most this many lines in one transfer (one document a person can count at a door). */
export const MAX_TRANSFER_LINES = 500;

const units = (min: number) =>
  z
    .number(typeMessage('must be a whole number'))
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(1_000_000, 'must be at most 1,000,000');

const note = z
  .string(typeMessage('must be a text'))
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .optional();

/** Rejects an id listed twice in `key` (one line per product, one count per line). */
const once =
  <T extends Record<K, string>, K extends string>(key: K, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item[key]))
        ctx.addIssue({ code: 'custom', path: [i, key], message: `is listed twice: ${what}` });
      seen.add(item[key]);
    });
  };

export const createTransferBody = z.object({
  toStoreId: uuid,
  note,
  lines: z
    .array(strictObject({ productId: uuid, quantity: units(1) }))
    .min(1, 'a transfer needs at least one line')
    .max(MAX_TRANSFER_LINES, `a transfer has at most ${MAX_TRANSFER_LINES} lines`)
    .superRefine(once('productId', 'put the whole quantity on one line')),
});
export type CreateTransferInput = z.output<typeof createTransferBody>;

export const sendTransferBody = z.object({});

export const receiveTransferBody = z.object({
  note,
  lines: z
    .array(strictObject({ lineId: uuid, receivedQuantity: units(0) }))
    .min(1, 'list every line with the units counted')
    .max(MAX_TRANSFER_LINES, `a transfer has at most ${MAX_TRANSFER_LINES} lines`)
    .superRefine(once('lineId', 'count each line once')),
});
export type ReceiveTransferInput = z.output<typeof receiveTransferBody>;

export const cancelTransferBody = z.object({});

const statusList = z
  .string()
  .transform((v) => v.split(','))
  .pipe(
    z.array(
      z.enum(TRANSFER_STATUSES, { message: `must be one of ${TRANSFER_STATUSES.join(', ')}` }),
    ),
  );

export const listTransfersQuery = paginationQuery.extend({
  status: statusList.optional(),
  direction: z.enum(DIRECTIONS, { message: `must be one of ${DIRECTIONS.join(', ')}` }).optional(),
});
export type ListTransfersQuery = z.output<typeof listTransfersQuery>;
