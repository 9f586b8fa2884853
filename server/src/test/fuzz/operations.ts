import { loadOpenApi } from '../../ops/docs';

/*
 * Every operation openapi.yaml documents, with what a request to it is made of: its path,
 * query and header parameters (schemas resolved) and its body (JSON or multipart).
 */
type Schema = Record<string, unknown>;

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** `POST /api/v1/stores/{storeId}/sales` */
  name: string;
  params: Param[];
  body?: { type: 'json' | 'multipart'; schema: Schema };
}

interface Spec {
  paths: Record<
    string,
    Record<string, { parameters?: Ref[]; requestBody?: Ref }> & { parameters?: Ref[] }
  >;
  components: Record<string, Record<string, unknown>>;
}
type Ref = { $ref?: string } & Record<string, unknown>;

export const spec = loadOpenApi() as unknown as Spec;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function deref<T>(node: Ref): T {
  let n = node;
  while (n?.$ref) {
    const [, , kind, name] = n.$ref.split('/');
    n = spec.components[kind!]![name!] as Ref;
  }
  return n as T;
}

/** A schema that can be generated on its own: its `$ref`s point into the spec's components. */
export const standalone = (schema: Schema): Schema => ({ ...schema, components: spec.components });

export function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => {
        const param = deref<Param & { required?: boolean }>(p);
        return { ...param, required: Boolean(param.required), schema: param.schema ?? {} };
      });
      const content = op.requestBody
        ? deref<{ content: Record<string, { schema: Schema }> }>(op.requestBody).content
        : undefined;
      const json = content?.['application/json'];
      const multipart = content?.['multipart/form-data'];
      out.push({
        method,
        path,
        name: `${method.toUpperCase()} ${path}`,
        params,
        body: json
          ? { type: 'json', schema: json.schema }
          : multipart
            ? { type: 'multipart', schema: multipart.schema }
            : undefined,
      });
    }
  }
  return out;
}
