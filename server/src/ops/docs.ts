import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { parse } from 'yaml';

export const OPENAPI_FILE = path.resolve(__dirname, '..', '..', '..', 'openapi.yaml');

let cached: Record<string, unknown> | undefined;
export function loadOpenApi(): Record<string, unknown> {
  cached ??= parse(readFileSync(OPENAPI_FILE, 'utf8')) as Record<string, unknown>;
  return cached;
}

/** The contract: JSON at /api-docs/openapi.json, Swagger UI at /api-docs. */
export function docsRouter(): Router {
  const spec = loadOpenApi();
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(spec);
  });
  router.use('/', swaggerUi.serve, swaggerUi.setup(spec, { customSiteTitle: 'Nimbus API' }));
  return router;
}
