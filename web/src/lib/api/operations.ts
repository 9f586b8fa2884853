import type { PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { paths } from './schema';

// What the typed client (`apiClient` in lib/api-client.ts) takes and answers for each path and
// method, derived from schema.ts, which `npm run generate` writes from openapi.yaml: a path
// the contract lacks, a missing path parameter, a wrong query, body or header field and a
// misread answer are compile errors, not a 404 or an undefined at run time.

/** Where the API's paths start; the axios instance's base URL. */
export const API_BASE = '/api/v1';
type Base = typeof API_BASE;

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A contract path under the API's base, as the client writes it; others (the root `/health`) are not the client's. */
type UnderBase<P> = P extends `${Base}${infer Rest}` ? Rest : never;

/** The contract's paths for a method, as the client writes them: `/stores/{storeId}/sales`. */
export type ApiPath<M extends Method> = UnderBase<PathsWithMethod<paths, M>>;

/** The operation a method and path name in the contract. */
export type Operation<M extends Method, P extends ApiPath<M>> = paths[`${Base}${P}` &
  keyof paths] extends infer Item
  ? Item extends Record<M, infer Op>
    ? Op
    : never
  : never;

type Parameters<Op> = Op extends { parameters: infer P } ? P : never;
type Present<T> = [NonNullable<T>] extends [never] ? false : true;
/** `{ [key]: T }`, optional when the contract makes it optional, absent when it has none. */
type Slot<Key extends string, Holder, T> =
  Present<T> extends false
    ? { [K in Key]?: never }
    : Key extends RequiredKeysOf<Holder>
      ? { [K in Key]: NonNullable<T> }
      : { [K in Key]?: NonNullable<T> };

type Field<Holder, Key extends string> = Holder extends { [K in Key]?: infer T } ? T : never;
type Content<Op> = Op extends { requestBody?: infer Body }
  ? NonNullable<Body> extends { content: infer ByType }
    ? ByType
    : never
  : never;
type BodyHolder<Op> = Op extends { requestBody: unknown } ? { body: unknown } : { body?: unknown };

/** A multipart field: a file where the contract says binary, else its value (sent as text). */
type FormFields<T> = { [K in keyof T]: T[K] extends string ? string | Blob : T[K] };

/** A JSON body as `body`, a multipart upload's fields as `form`. */
type BodyOptions<Op> =
  Content<Op> extends { 'multipart/form-data': infer Form }
    ? { form: FormFields<Form>; body?: never }
    : Slot<'body', BodyHolder<Op>, Field<Content<Op>, 'application/json'>> & { form?: never };

/** What one request of an operation takes: the path's parameters, its query, body and headers. */
export type RequestOptions<Op> = Slot<'path', Parameters<Op>, Field<Parameters<Op>, 'path'>> &
  Slot<'query', Parameters<Op>, Field<Parameters<Op>, 'query'>> &
  Slot<'headers', Parameters<Op>, Field<Parameters<Op>, 'header'>> &
  BodyOptions<Op>;

type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success = 200 | 201 | 202;
type Json<Answer> = Answer extends { content: { 'application/json': infer Body } } ? Body : never;
type DataOf<Envelope> = Envelope extends { data: infer Data } ? Data : never;

/** The envelope's `data` of the answer with this status. */
export type AnswerData<Op, Status> = DataOf<Json<Responses<Op>[Status & keyof Responses<Op>]>>;

/** The envelope's `data` in an operation's success answers (200, 201 or 202). */
export type SuccessData<Op> = AnswerData<Op, Success>;

/** A success answer with its status, for an operation that answers 200 or 202 (queued). */
export type Answer<Op> = {
  [S in Success & keyof Responses<Op>]: { status: S; data: AnswerData<Op, S> };
}[Success & keyof Responses<Op>];

/** Paths whose GET answers a list (an array in `data`, with pagination beside it). */
export type ListPath = {
  [P in ApiPath<'get'>]: SuccessData<Operation<'get', P>> extends readonly unknown[] ? P : never;
}[ApiPath<'get'>];

/** One row of a list's `data`. */
export type ListItem<P extends ListPath> =
  SuccessData<Operation<'get', P>> extends readonly (infer Row)[] ? Row : never;
