import { z } from 'zod';
import { COUNTRY_CODES } from '../../core/countries';
import { searchQuery, sortQuery } from '../../http/list-query';
import { paginationQuery } from '../../http/validate';

export const SUPPLIER_STATUSES = ['active', 'inactive', 'on-hold', 'new'] as const;

export const listSuppliersQuery = paginationQuery.extend({
  search: searchQuery.optional(),
  status: z.enum(SUPPLIER_STATUSES).optional(),
  ...sortQuery(['name', 'createdAt', 'status', 'lastOrderAt'] as const, 'name'),
});

const text = (max: number) => z.string().trim().max(max).nullable().optional();

const fields = {
  name: z.string().trim().min(1, 'is required').max(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'must be a valid e-mail address' }))
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\-.\s]*$/, 'may contain digits, spaces and + ( ) - . only')
    .nullable()
    .optional(),
  address: text(200),
  city: text(100),
  state: text(100),
  zip: text(20),
  // An ISO 3166-1 alpha-2 code; `de` is read as `DE`.
  country: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(
      z.enum(COUNTRY_CODES, {
        message: 'must be an ISO 3166-1 alpha-2 country code, like DE or US',
      }),
    )
    .nullable()
    .optional(),
  website: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(300)
    .nullable()
    .optional(),
  contactPerson: text(100),
  paymentTerms: text(100),
  taxId: text(50),
  notes: text(2000),
  status: z.enum(SUPPLIER_STATUSES).optional(),
  leadTimeDays: z.number().int().min(0).max(365).nullable().optional(),
};

export const createSupplierBody = z.object(fields);
export const updateSupplierBody = z
  .object(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export type ListSuppliersQuery = z.infer<typeof listSuppliersQuery>;
export type SupplierInput = z.infer<typeof updateSupplierBody>;

export const performanceQuery = z.object({
  months: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(60, 'must be at most 60')
    .default(12),
});
