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

/**
 * Parses params, query and body with zod and writes the parsed values back, so
 * handlers only ever see validated, typed, stripped input.
 */
export function validate(shapes: Shapes): RequestHandler {
  return (req, _res, next) => {
    const details: ErrorDetail[] = [];
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
