import { z } from 'zod';
import { uuid } from '../../http/validate';
import { ROLES } from '../../core/access';

const MAX_YEARS = 5;
const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });
const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

/** A moment in the future, at most MAX_YEARS ahead; null or absent: the key does not expire. */
const expiresAt = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time such as 2027-01-31T23:59:00Z' })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() > Date.now(), { message: 'must be in the future' })
  .refine((d) => d.getTime() < Date.now() + MAX_YEARS * 366 * 86_400_000, {
    message: `must be within ${MAX_YEARS} years`,
  });

export const keyParams = z.object({ storeId: uuid, keyId: uuid });

export const createKeyBody = z.object({ name, role, expiresAt: expiresAt.nullable().optional() });

export const renameKeyBody = z.object({ name });
