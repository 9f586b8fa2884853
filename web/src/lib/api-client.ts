import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import type { RequiredKeysOf } from 'openapi-typescript-helpers';
import type {
  Answer,
  ApiPath,
  ListItem,
  ListPath,
  Method,
  Operation,
  RequestOptions,
  SuccessData,
} from './api/operations';
import type { Paged } from './api/types';
import { api, type Envelope } from './http';

function toPaged<T>({ data, pagination }: Envelope<T[]>): Paged<T> {
  // The app pages by number; only a request that sends a cursor is answered by cursor.
  if (pagination && 'page' in pagination) return { items: data, pagination };
  const count = data.length;
  return {
    items: data,
    pagination: {
      page: 1,
      limit: count,
      total: count,
      totalPages: 1,
      hasNext: false,
      hasPrev: false,
    },
  };
}

type Query = Record<string, unknown>;

/**
 * Drops empty filters so the query string only holds what is set; a list is sent as the
 * contract's `form` style without explode says: `status=processing,shipped`.
 */
function cleanParams(params: Query): Query {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
  );
}

/** `/stores/{storeId}/sales/{id}` with each parameter put in, encoded. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
}

function toFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    form.append(name, value instanceof Blob ? value : String(value));
  }
  return form;
}

/** Transport settings a request may add: a keepalive delete, a sale's shorter timeout. */
type Transport = Pick<AxiosRequestConfig, 'adapter' | 'fetchOptions' | 'timeout'>;

interface LooseOptions {
  path?: Record<string, string | number>;
  query?: Query;
  headers?: Record<string, string | undefined>;
  body?: unknown;
  form?: Record<string, unknown>;
  transport?: Transport;
}

function send<T>(
  method: Method,
  template: string,
  options: LooseOptions = {},
  responseType?: 'blob',
): Promise<AxiosResponse<T>> {
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  return api.request<T>({
    method,
    url: fillPath(template, options.path),
    params: options.query && cleanParams(options.query),
    data: options.form ? toFormData(options.form) : options.body,
    headers,
    responseType,
    ...options.transport,
  });
}

// Each request's options are what the contract says its operation takes (a path with no
// parameters, query or body may leave them out); each answer is what it says it answers.
type Options<M extends Method, P extends ApiPath<M>> = RequestOptions<Operation<M, P>> & {
  transport?: Transport;
};
type Args<M extends Method, P extends ApiPath<M>> = [RequiredKeysOf<Options<M, P>>] extends [never]
  ? [options?: Options<M, P>]
  : [options: Options<M, P>];
type Data<M extends Method, P extends ApiPath<M>> = SuccessData<Operation<M, P>>;

async function data<M extends Method, P extends ApiPath<M>>(
  method: M,
  path: P,
  [options]: Args<M, P>,
): Promise<Data<M, P>> {
  const res = await send<Envelope<Data<M, P>>>(method, path, options as LooseOptions);
  return res.data.data;
}

/**
 * The API by its contract's paths and methods: `apiClient.get('/stores/{storeId}/sales/{id}',
 * { path: { storeId, id } })`. Requests unwrap the success envelope: callers get its `data`
 * (lists: rows and pagination).
 */
export const apiClient = {
  get: <P extends ApiPath<'get'>>(path: P, ...args: Args<'get', P>) => data('get', path, args),
  list: async <P extends ListPath>(
    path: P,
    ...args: Args<'get', P>
  ): Promise<Paged<ListItem<P>>> => {
    const [options] = args;
    const res = await send<Envelope<ListItem<P>[]>>('get', path, options as LooseOptions);
    return toPaged(res.data);
  },
  post: <P extends ApiPath<'post'>>(path: P, ...args: Args<'post', P>) => data('post', path, args),
  put: <P extends ApiPath<'put'>>(path: P, ...args: Args<'put', P>) => data('put', path, args),
  patch: <P extends ApiPath<'patch'>>(path: P, ...args: Args<'patch', P>) =>
    data('patch', path, args),
  delete: async <P extends ApiPath<'delete'>>(path: P, ...args: Args<'delete', P>) => {
    await send('delete', path, args[0] as LooseOptions);
  },
  /** The answer with its status, for an operation that answers 200 now or 202 (queued). */
  answer: async <M extends Method, P extends ApiPath<M>>(
    method: M,
    path: P,
    ...args: Args<M, P>
  ): Promise<Answer<Operation<M, P>>> => {
    const [options] = args;
    const res = await send<Envelope<unknown>>(method, path, options as LooseOptions);
    return { status: res.status, data: res.data.data } as Answer<Operation<M, P>>;
  },
  /** A file (CSV, XLSX, PDF) as a Blob, with the headers that name it. */
  file: <M extends Method, P extends ApiPath<M>>(method: M, path: P, ...args: Args<M, P>) =>
    send<Blob>(method, path, args[0] as LooseOptions, 'blob'),
};

/** The next cursor of a keyset page, for `getNextPageParam` (undefined: no more pages). */
export function nextCursorOf(page: Paged<unknown>): string | undefined {
  return 'nextCursor' in page.pagination && page.pagination.nextCursor
    ? page.pagination.nextCursor
    : undefined;
}
