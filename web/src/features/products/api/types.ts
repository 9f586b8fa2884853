import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type Product = Schemas['Product'];
export type ProductLocation = Schemas['Location'];
export type ProductInput = RequestBody<'createProduct'>;
/** PATCH: only the fields that change; `null` clears one. */
export type ProductChanges = RequestBody<'updateProduct'>;
export type ProductListParams = QueryParams<'listProducts'>;
export type ProductSort = NonNullable<ProductListParams['sort']>;

/** What a picker needs of a product (the till's lines keep exactly this). */
export type ProductPick = Schemas['ProductPick'];
export type SearchHit = Schemas['ProductSearchHit'];
export type SearchParams = QueryParams<'searchProducts'>;
export type TopSeller = Schemas['TopSeller'];
export type TopSellerParams = QueryParams<'listTopSellers'>;

export type MovementReason = Schemas['MovementReason'];
export type Movement = Schemas['Movement'];
export type HistoryEntry = Schemas['FieldChange'];
export type AdjustmentInput = RequestBody<'adjustStock'>;
export type AdjustmentReason = AdjustmentInput['reason'];
export type CountInput = RequestBody<'countStock'>;
/** Adjustments and counts answer the movement (null for a count with no difference) and the product. */
export type StockResult = ResponseData<'adjustStock'>;

export type ImportOptions = Required<Omit<RequestBody<'importProducts'>, 'file'>>;
export type ImportReport = Schemas['ImportReport'];
export type Job = Schemas['Job'];
