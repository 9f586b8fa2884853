import { z } from 'zod';
import { email, paginationQuery, uuid } from '../../http/validate';
import { ROLES } from '../../core/access';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const TIMEZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

const storeName = z.string().trim().min(1, 'is required').max(100);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => CURRENCIES.has(c), { message: 'must be an ISO 4217 currency code such as USD' });
const timezone = z
  .string()
  .trim()
  .refine((t) => TIMEZONES.has(t), { message: 'must be an IANA time zone such as Europe/Berlin' });

export const storeParams = z.object({ storeId: uuid });
export const memberParams = storeParams.extend({ userId: uuid });
export const invitationParams = storeParams.extend({ invitationId: uuid });

export const listStoresQuery = paginationQuery;

export const createStoreBody = z.object({
  name: storeName,
  currency: currency.default('USD'),
  timezone: timezone.default('UTC'),
});

export const updateStoreBody = z
  .object({ name: storeName, currency, timezone })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });

export const addMemberBody = z.object({ email, role });
export const updateMemberBody = z.object({ role });

export type CreateStoreInput = z.infer<typeof createStoreBody>;
export type UpdateStoreInput = z.infer<typeof updateStoreBody>;

/** The token of an invitation's link (`/register?invitation=…`). */
export const invitationLinkQuery = z.object({
  token: z.string().min(1, 'is required').max(2000, 'is not an invitation token'),
});
