import fc from 'fast-check';
import { multipartBody, type RawBody } from './multipart';
import type { Operation, Param } from './operations';
import { hostileString, jsonBody, paramValue } from './values';
import type { Kind, World } from './world';

/*
 * One generated request for an operation: a path naming things that exist (or do not, or are
 * not ids at all), the query its parameters allow (and some they do not), credentials (mostly
 * the store admin's), and a body built from the contract and then, often, spoiled.
 */
export interface FuzzRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  /** The body as sent, with its Content-Type (JSON text, multipart, or something else). */
  raw?: RawBody;
}

/** Which fixture a path parameter names: by its name, or for `{id}` by the segment before it. */
function kindOf(path: string, name: string): Kind | undefined {
  const byName: Record<string, Kind> = {
    storeId: 'store',
    productId: 'product',
    userId: 'member',
    invitationId: 'invitation',
    movementId: 'movement',
    lineId: 'invoiceLine',
    itemId: 'shoppingListItem',
    jobId: 'reportJob',
  };
  if (name !== 'id') return byName[name];
  const segment = path.split('/{id}')[0]!.split('/').pop()!;
  const bySegment: Record<string, Kind> = {
    products: 'product',
    categories: 'category',
    suppliers: 'supplier',
    'purchase-orders': 'purchaseOrder',
    sales: 'sale',
    refunds: 'refund',
    invoices: 'invoice',
    'shopping-lists': 'shoppingList',
    jobs: 'job',
    'count-sessions': 'countSession',
  };
  return bySegment[segment];
}

function pathValue(op: Operation, p: Param, world: World) {
  const kind = kindOf(op.path, p.name);
  const known = kind && world.ids[kind];
  return fc.oneof(
    { weight: known ? 8 : 0, arbitrary: fc.constant(known ?? '') },
    { weight: 1, arbitrary: fc.uuid() },
    // Not empty: `/stores/` is another route (the list), not this one with a bad id.
    { weight: 1, arbitrary: hostileString.filter((v) => v.length > 0) },
  );
}

function query(op: Operation) {
  const params = op.params.filter((p) => p.in === 'query');
  const entries = params.map((p) =>
    fc.option(fc.tuple(fc.constant(p.name), paramValue(p.schema)), { freq: 2 }),
  );
  const unknown = fc.option(fc.tuple(hostileString, hostileString), { freq: 8 });
  return fc.tuple(fc.tuple(...entries), unknown).map(([chosen, extra]) => {
    const search = new URLSearchParams();
    for (const e of [...chosen, extra]) if (e) search.append(e[0], e[1]);
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

/** What a header can carry at all (HTTP refuses control and non-Latin-1 characters). */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');

const auth = (world: World) =>
  fc.oneof(
    { weight: 18, arbitrary: fc.constant(world.admin.auth) },
    { weight: 1, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: hostileString.map((t) => ({ Authorization: `Bearer ${headerSafe(t)}` })),
    },
  );

/** The text fields of a multipart form and values the contract gives them. */
function formFields(op: Operation): Record<string, string[]> {
  const props = (op.body?.schema.properties ?? {}) as Record<string, { enum?: unknown[] }>;
  return Object.fromEntries(
    Object.entries(props)
      .filter(([name]) => name !== 'file')
      .map(([name, s]) => [name, (s.enum ?? ['true', 'false', '1']).map(String)]),
  );
}

function body(op: Operation, heavy: boolean) {
  if (op.body?.type === 'multipart')
    return multipartBody(formFields(op), heavy).map((raw) => ({ raw }) as Partial<FuzzRequest>);
  if (op.body?.type === 'json') {
    return fc.oneof(
      {
        weight: 8,
        arbitrary: jsonBody(op.body.schema, heavy).map((b) => ({
          // As text: a client may send any JSON value, a bare number or string included.
          raw: { contentType: 'application/json', body: Buffer.from(JSON.stringify(b) ?? 'null') },
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom('application/json', 'text/plain', 'application/xml'),
            hostileString,
          )
          .map(([contentType, text]) => ({ raw: { contentType, body: Buffer.from(text) } })),
      },
    );
  }
  return fc.constant({} as Partial<FuzzRequest>);
}

export function requestFor(op: Operation, world: World, heavy = false): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const idempotent = op.params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => pathValue(op, p, world))),
      query: query(op),
      auth: auth(world),
      key: idempotent
        ? fc.option(fc.oneof(fc.uuid(), hostileString.map(headerSafe)))
        : fc.constant(null),
      body: body(op, heavy),
    })
    .map(({ path, query: q, auth: headers, key, body: b }) => {
      let url = op.path;
      pathParams.forEach(
        (p, i) => (url = url.replace(`{${p.name}}`, encodeURIComponent(wellFormed(path[i]!)))),
      );
      return {
        method: op.method,
        url: url + q,
        headers: { ...headers, ...(key === null ? {} : { 'Idempotency-Key': key }) },
        ...b,
      };
    });
}

/** A URL carries UTF-8: a lone surrogate cannot be encoded (the client would throw), so it becomes U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
