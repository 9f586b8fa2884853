import { z } from 'zod';
import { strictObject, typeMessage, uuid } from '../../../http/validate';

const ids = (what: string) =>
  z
    .array(uuid)
    .max(1000, `at most 1,000 ${what}`)
    .refine((a) => new Set(a).size === a.length, { message: `lists a ${what.slice(0, -1)} twice` });

const rateBps = z
  .number(typeMessage('must be a whole number of basis points (2000 = 20%)'))
  .int('must be a whole number of basis points (2000 = 20%)')
  .min(0, 'must not be negative')
  .max(10000, 'must be at most 10000 (100%)');

const name = z.string(typeMessage('must be a text')).trim().min(1, 'is required').max(50);

export const createTaxRateBody = z.object({
  name,
  rateBps,
  categoryIds: ids('categories').default([]),
  productIds: ids('products').default([]),
});

export const updateTaxRateBody = z
  .object({ name, rateBps, categoryIds: ids('categories'), productIds: ids('products') })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

/** A percent with at most 2 decimals, 0..100. */
export const percent = z
  .number(typeMessage('must be a number'))
  .min(0, 'must not be negative')
  .max(100, 'must be at most 100')
  .refine((n) => Number(n.toFixed(2)) === n, { message: 'must have at most 2 decimals' });

export const updateCheckoutSettingsBody = strictObject({
  pricesIncludeTax: z.boolean(typeMessage('must be true or false')),
  defaultTaxRateId: uuid.nullable(),
  address: z
    .string(typeMessage('must be a text'))
    .trim()
    .max(300, 'must be at most 300 characters')
    .transform((a) => a || null)
    .nullable(),
  employeeDiscountLimitPercent: percent,
})
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

/** A product's own tax rate; null: its category's or the store default. */
export const productTaxRateBody = strictObject({ taxRateId: uuid.nullable() });

export type CreateTaxRateInput = z.infer<typeof createTaxRateBody>;
export type UpdateTaxRateInput = z.infer<typeof updateTaxRateBody>;
export type UpdateCheckoutSettingsInput = z.infer<typeof updateCheckoutSettingsBody>;
