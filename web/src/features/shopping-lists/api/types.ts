import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type ShoppingList = Schemas['ShoppingList'];
export type ShoppingListSummary = Schemas['ShoppingListSummary'];
export type ShoppingListItem = Schemas['ShoppingListItem'];
export type ShoppingListChange = Schemas['ShoppingListChange'];
export type Priority = ShoppingListItem['priority'];
export type ShoppingListParams = QueryParams<'listShoppingLists'>;
export type GenerateInput = RequestBody<'generateShoppingList'>;
export type ItemInput = RequestBody<'updateShoppingListItem'>;
export type OptimizeResult = ResponseData<'optimizeShoppingList'>;
export type ConvertResult = ResponseData<'convertShoppingList'>;
