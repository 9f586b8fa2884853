import type { components, operations } from './schema';

// The API's types, derived from schema.d.ts, which `npm run generate` writes from openapi.yaml:
// a changed contract breaks tsc, not the user. Only the envelope's unwrapped shape is ours.

export type Schemas = components['schemas'];
export type OperationId = keyof operations;

type Json<Content> = Content extends { content: { 'application/json': infer Body } } ? Body : never;
type DataOf<Envelope> = Envelope extends { data: infer Data } ? Data : never;
type Responses<Op extends OperationId> = operations[Op]['responses'];
type Body<Request> = Request extends { content: infer ByType } ? ByType[keyof ByType] : never;

/** The body an operation takes (JSON, or the fields of a multipart upload). */
export type RequestBody<Op extends OperationId> = Body<NonNullable<operations[Op]['requestBody']>>;

/** The query parameters an operation takes. */
export type QueryParams<Op extends OperationId> = NonNullable<
  operations[Op]['parameters']['query']
>;

/** The envelope's `data` in an operation's success answers (200, 201 or 202). */
export type ResponseData<Op extends OperationId> = DataOf<
  Json<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201 | 202>]>
>;

export type User = Schemas['User'];
export type AuthSession = Schemas['Session'];
export type NamedRef = Schemas['Ref'];
export type Role = Schemas['Role'];
export type Permission = Schemas['Permission'];
export type Pagination = Schemas['Pagination'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
export type StockShortage = Schemas['StockShortage'];
/** What a picker needs of a product (the till's lines keep exactly this). */
export type ProductPick = Schemas['ProductPick'];
/** A background job (an import, a recalculation), polled until it has an outcome. */
export type Job = Schemas['Job'];

/** A page of a list: the rows and where they sit in the whole list. */
export interface Paged<T> {
  items: T[];
  pagination: Pagination;
}
