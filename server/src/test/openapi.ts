import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import request, { type Response, type Test } from 'supertest';
import { loadOpenApi } from '../ops/docs';

type Spec = {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};

// The global setup's JSON copy when there is one (a test run); the YAML otherwise.
const prepared = process.env.NIMBUS_TEST_OPENAPI_JSON;
const spec = (prepared
  ? JSON.parse(readFileSync(prepared, 'utf8'))
  : loadOpenApi()) as unknown as Spec;
// The contract itself is linted by redocly; checking it against the JSON Schema meta-schema
// again in every test file cost 0.3 s each.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema({ ...spec, $id: 'openapi' } as object);

const templates = Object.keys(spec.paths).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

export function findTemplate(path: string): string | undefined {
  // A literal segment beats a parameter: /stores/mine before /stores/{storeId}.
  const matches = templates.filter((t) => t.regex.test(path));
  matches.sort(
    (a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0),
  );
  return matches[0]?.template;
}

const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Throws unless the response is one the contract documents, with a body of its schema. */
export function assertMatchesSpec(res: Response): void {
  const req = (res as unknown as { req: { method: string; path: string } }).req;
  const method = req.method.toLowerCase();
  const path = new URL(req.path, 'http://x').pathname;
  const template = findTemplate(path);
  if (!template) {
    if (res.status === 404) return; // an unknown route, answered by the envelope's 404
    throw new Error(`${req.method} ${path} is not documented in openapi.yaml`);
  }
  const op = spec.paths[template]?.[method];
  if (!op) {
    if (res.status === 404) return;
    throw new Error(`${req.method} ${template} is not documented in openapi.yaml`);
  }
  const status = String(res.status);
  const responses = op.responses ?? {};
  const key =
    status in responses ? status : `${status[0]}XX` in responses ? `${status[0]}XX` : 'default';
  let at = `/paths/${pointer(template)}/${method}/responses/${key}`;
  let documented = responses[key] as
    { $ref?: string; content?: Record<string, unknown> } | undefined;
  while (documented?.$ref) {
    at = documented.$ref.slice(1);
    documented = at
      .split('/')
      .slice(1)
      .reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  if (!documented) {
    throw new Error(
      `${req.method} ${template} answered ${status}, which openapi.yaml does not list`,
    );
  }
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('application/json')) return;
  if (!documented.content?.['application/json']) {
    throw new Error(
      `${req.method} ${template} ${status} has a JSON body the spec does not describe`,
    );
  }
  const ref = `openapi#${at}/content/application~1json/schema`;
  const validateFn = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  if (!validateFn(res.body)) {
    throw new Error(
      `${req.method} ${template} ${status} does not match openapi.yaml: ${ajv.errorsText(validateFn.errors)}\n` +
        JSON.stringify(res.body).slice(0, 500),
    );
  }
}

export type SpecApi = Record<'get' | 'post' | 'put' | 'patch' | 'delete', (url: string) => Test>;

/** supertest, but every response is checked against openapi.yaml. */
export function specApi(app: Express): SpecApi {
  const wrap = (t: Test) => t.expect(assertMatchesSpec);
  return {
    get: (url) => wrap(request(app).get(url)),
    post: (url) => wrap(request(app).post(url)),
    put: (url) => wrap(request(app).put(url)),
    patch: (url) => wrap(request(app).patch(url)),
    delete: (url) => wrap(request(app).delete(url)),
  };
}
