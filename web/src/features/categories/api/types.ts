import type { QueryParams, RequestBody, Schemas } from '@/lib/api/types';

export type Category = Schemas['Category'];
export type CategoryInput = RequestBody<'createCategory'>;
export type CategoryChanges = RequestBody<'updateCategory'>;
export type CategoryListParams = QueryParams<'listCategories'>;
export type CategorySort = NonNullable<CategoryListParams['sort']>;
