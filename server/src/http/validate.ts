import type { RequestHandler } from 'express';
import { z } from 'zod';
import { ValidationError, type ErrorDetail } from './errors';

interface Shapes {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

function toDetails(where: string, error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
    code: issue.code,
  }));
}

/** The parameter names an object schema (possibly transformed) accepts, if it is one. */
function objectKeys(schema: z.ZodType): string[] | undefined {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return objectKeys(schema.in as z.ZodType);
  return undefined;
}

export type ValidateHandler = RequestHandler & {
  /** Query parameters the route accepts (the OpenAPI contract test compares them). */
  queryKeys?: readonly string[];
};

/**
 * Parses params, query and body with zod and writes the parsed values back, so
 * handlers only ever see validated, typed, stripped input. Unknown query parameters are a
 * 400: `?from=` instead of `?dateFrom=` must not quietly return unfiltered data.
 */
export function validate(shapes: Shapes): ValidateHandler {
  const queryKeys = shapes.query ? objectKeys(shapes.query) : undefined;
  if (shapes.query && !queryKeys) throw new Error('validate(): query must be an object schema');
  const handler: ValidateHandler = (req, _res, next) => {
    const details: ErrorDetail[] = [];
    if (queryKeys) {
      for (const key of Object.keys(req.query)) {
        if (queryKeys.includes(key)) continue;
        details.push({
          field: key,
          message: `is not a parameter of this endpoint (accepted: ${queryKeys.join(', ')})`,
          code: 'unrecognized_keys',
        });
      }
    }
    for (const where of ['params', 'query', 'body'] as const) {
      const shape = shapes[where];
      if (!shape) continue;
      const input = where === 'body' ? (req.body ?? {}) : req[where];
      const result = shape.safeParse(input);
      if (!result.success) {
        details.push(...toDetails(where, result.error));
        continue;
      }
      if (where === 'query') {
        // Express 5 exposes req.query through a getter; shadow it on the request.
        Object.defineProperty(req, 'query', { value: result.data, writable: true });
      } else {
        req[where] = result.data as never;
      }
    }
    if (details.length) throw new ValidationError(details);
    next();
  };
  handler.queryKeys = queryKeys;
  return handler;
}

export const uuid = z.uuid({ message: 'must be a valid id' });
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be a valid e-mail address' }));

export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A message for a value of the wrong type only; range checks keep their own messages. */
export const typeMessage = (message: string) => ({
  error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? message : undefined),
});
