import { z } from 'zod';
import { searchQuery, sortQuery } from '../../http/list-query';
import { paginationQuery } from '../../http/validate';

export const listCategoriesQuery = paginationQuery.extend({
  search: searchQuery.optional(),
  ...sortQuery(['name', 'createdAt', 'productCount'] as const, 'name'),
});

const name = z.string().trim().min(1, 'is required').max(50);
const description = z.string().trim().max(500).nullable();

export const createCategoryBody = z.object({ name, description: description.optional() });
export const updateCategoryBody = createCategoryBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export type ListCategoriesQuery = z.infer<typeof listCategoriesQuery>;
export type CreateCategoryInput = z.infer<typeof createCategoryBody>;
export type UpdateCategoryInput = z.infer<typeof updateCategoryBody>;
