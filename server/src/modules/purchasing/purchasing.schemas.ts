import { z } from 'zod';
import { dateQuery, withDateRangeOrder } from '../../http/list-query';
import {
  email,
  money,
  paginationQuery,
  strictObject,
  typeMessage,
  uuid,
} from '../../http/validate';

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'shipped',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const units = z
  .number(typeMessage('must be a whole number'))
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1_000_000, 'must be at most 1,000,000');

const orderLine = strictObject({
  productId: uuid,
  quantity: units,
  unitCost: money,
  allowOverReceipt: z.boolean(typeMessage('must be true or false')).default(false),
});

const lines = z
  .array(orderLine)
  .min(1, 'an order needs at least one line')
  .max(500, 'an order has at most 500 lines')
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((line, i) => {
      if (seen.has(line.productId)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'productId'],
          message: 'is listed twice: put the whole quantity on one line',
        });
      }
      seen.add(line.productId);
    });
  });

const expectedAt = z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).nullable().optional();
const notes = z.string(typeMessage('must be a text')).trim().max(2000).nullable().optional();

export const createOrderBody = z.object({ supplierId: uuid, expectedAt, notes, lines });

export const updateOrderBody = z
  .object({ expectedAt, notes, lines: lines.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export const sendOrderBody = z.object({
  to: email.optional(),
  message: z
    .string(typeMessage('must be a text'))
    .trim()
    .max(2000, 'must be at most 2,000 characters')
    .optional(),
});

export const statusBody = z.object({
  status: z.enum(ORDER_STATUSES, { message: `must be one of ${ORDER_STATUSES.join(', ')}` }),
  reason: z
    .string(typeMessage('must be a text'))
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters')
    .optional(),
});

const receiptLine = strictObject({
  productId: uuid.optional(),
  lineId: uuid.optional(),
  quantity: units,
}).refine((l) => (l.productId === undefined) !== (l.lineId === undefined), {
  message: 'give either productId or lineId',
  path: ['productId'],
});

export const receiveBody = z.object({
  lines: z
    .array(receiptLine)
    .min(1, 'a delivery needs at least one line')
    .max(500, 'a delivery has at most 500 lines'),
  note: z.string(typeMessage('must be a text')).trim().max(500).nullable().optional(),
});

/** `status=pending,processing` (a parameter is given once: see http/validate.ts). */
const statusList = z
  .string()
  .transform((v) => v.split(',').filter(Boolean))
  .pipe(
    z
      .array(z.enum(ORDER_STATUSES, { message: `must be among ${ORDER_STATUSES.join(', ')}` }))
      .min(1)
      .max(5),
  );

export const listOrdersQuery = withDateRangeOrder(
  paginationQuery.extend({
    cursor: z.string().min(1).max(500).optional(),
    status: statusList.optional(),
    supplierId: uuid.optional(),
    dateFrom: dateQuery.optional(),
    dateTo: dateQuery.optional(),
    /** Due: expected on or before this day (a date, the store's calendar). */
    expectedBy: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).optional(),
  }),
);

export type CreateOrderInput = z.infer<typeof createOrderBody>;
export type UpdateOrderInput = z.infer<typeof updateOrderBody>;
export type OrderLineInput = z.infer<typeof orderLine>;
export type SendOrderInput = z.infer<typeof sendOrderBody>;
export type StatusInput = z.infer<typeof statusBody>;
export type ReceiveInput = z.infer<typeof receiveBody>;
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;
