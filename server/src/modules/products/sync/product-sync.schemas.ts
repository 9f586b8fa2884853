import { z } from 'zod';
import { createProductBody } from '../products.schemas';

/** Items in one sync request: a web shop sends its catalogue in batches of at most this many. */
export const SYNC_MAX_ITEMS = 500;

const STOCK_HINT =
  'stock is not synced: it changes only through sales, deliveries, counts and adjustments; send initialQuantity for a new product\u2019s opening stock';

/**
 * One product as a web shop sends it: the product's create body (the same fields, limits and
 * barcode check digits), matched by `sku` when it has one, else by `barcode`. Unknown fields are
 * refused; `quantity` with what to do instead.
 */
const syncItem = z
  .strictObject(createProductBody.shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.includes('quantity')
          ? `has quantity: ${STOCK_HINT}`
          : `has unknown field(s): ${issue.keys.join(', ')} (accepted: ${Object.keys(createProductBody.shape).join(', ')})`
        : undefined,
  })
  .refine((item) => item.sku !== undefined || (item.barcode ?? null) !== null, {
    message: 'send a sku or a barcode: the product is matched by it',
    path: ['sku'],
  });

export type SyncItem = z.infer<typeof syncItem>;

/** The key an item is matched by: its SKU (case-insensitive, as the catalogue's), else barcode. */
export const matchKey = (item: Pick<SyncItem, 'sku' | 'barcode'>) =>
  item.sku !== undefined ? `sku:${item.sku.toLowerCase()}` : `barcode:${item.barcode}`;

export const syncProductsBody = z.object({
  items: z
    .array(syncItem)
    .min(1, 'send at least one product')
    .max(SYNC_MAX_ITEMS, `send at most ${SYNC_MAX_ITEMS} products a request`)
    .superRefine((items, ctx) => {
      // One product twice in a batch says two things about it: which one is meant?
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        for (const [key, field] of [
          [matchKey(item), item.sku !== undefined ? 'sku' : 'barcode'],
          ...(item.sku !== undefined && item.barcode
            ? [[`barcode:${item.barcode}`, 'barcode']]
            : []),
        ] as Array<[string, string]>) {
          const first = seen.get(key);
          if (first !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [i, field],
              message: `repeats item ${first}'s ${field}: send each product once a request`,
            });
          } else seen.set(key, i);
        }
      });
    }),
});

export type SyncProductsInput = z.infer<typeof syncProductsBody>;
