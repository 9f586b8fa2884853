import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type Supplier = Schemas['Supplier'];
export type SupplierStatus = Schemas['SupplierStatus'];
/** `taxId` is write-only: sent when typed, never read back (only its last 4 characters). */
export type SupplierInput = RequestBody<'createSupplier'>;
export type SupplierChanges = RequestBody<'updateSupplier'>;
export type SupplierListParams = QueryParams<'listSuppliers'>;
export type SupplierSort = NonNullable<SupplierListParams['sort']>;
export type SupplierPerformance = ResponseData<'getSupplierPerformance'>;
export type SupplierProduct = Schemas['Product'];
export type SupplierProductParams = QueryParams<'listSupplierProducts'>;
