import type { RequestHandler } from 'express';
import { z } from 'zod';
import { MONEY_MAX } from '../core/limits';
import { ValidationError, type ErrorDetail } from '../core/errors';

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
  /** Query parameters and body fields the route accepts (the contract test compares them). */
  queryKeys?: readonly string[];
  bodyKeys?: readonly string[];
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(value)) {
    return 'must be well-formed Unicode (it holds half of a UTF-16 surrogate pair)';
  }
  return undefined;
}

/**
 * Every string PostgreSQL could not store, by path: a NUL character (text cannot hold U+0000)
 * or a lone UTF-16 surrogate (`"\\ud800"` parses from JSON, but neither UTF-8 text nor jsonb
 * accepts it). Refused here, as a 400, before it can reach SQL. Keys are checked as well as
 * values: a key becomes a field name in messages and in stored JSON.
 */
export function invalidTextDetails(value: unknown, path: string[] = []): ErrorDetail[] {
  const at = () => path.join('.') || 'body';
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [{ field: at(), message: problem, code: 'invalid_string' }] : [];
  }
  if (Array.isArray(value))
    return value.flatMap((v, i) => invalidTextDetails(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const problem = textProblem(k);
      if (problem)
        return [
          { field: at(), message: `has a field name that ${problem}`, code: 'invalid_string' },
        ];
      return invalidTextDetails(v, [...path, k]);
    });
  }
  return [];
}

function unknownKeyDetails(
  input: unknown,
  accepted: readonly string[],
  what: string,
  hints: Record<string, string>,
): ErrorDetail[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return [];
  return Object.keys(input)
    .filter((key) => !accepted.includes(key))
    .map((key) => ({
      field: key,
      // Own keys only: a field named `toString` must not find Object.prototype.toString.
      message: Object.hasOwn(hints, key)
        ? hints[key]!
        : `is not ${what} (accepted: ${accepted.join(', ')})`,
      code: 'unrecognized_keys',
    }));
}

/**
 * Parses params, query and body with zod and writes the parsed values back, so handlers only
 * ever see validated, typed input. Unknown query parameters and body fields are a 400, not
 * silently dropped: `?from=` instead of `?dateFrom=`, or `quantity` instead of
 * `initialQuantity`, must not quietly do something else than asked. `readOnly` names body
 * fields a client may have read from a response, with what to do instead.
 */
export function validate(shapes: Shapes & { readOnly?: Record<string, string> }): ValidateHandler {
  const queryKeys = shapes.query ? objectKeys(shapes.query) : undefined;
  if (shapes.query && !queryKeys) throw new Error('validate(): query must be an object schema');
  const bodyKeys = shapes.body ? objectKeys(shapes.body) : undefined;
  const hints = shapes.readOnly ?? {};
  const handler: ValidateHandler = (req, _res, next) => {
    const details: ErrorDetail[] = [
      ...invalidTextDetails(req.params),
      ...invalidTextDetails(req.query),
      ...invalidTextDetails(req.body),
    ];
    if (queryKeys) {
      details.push(...unknownKeyDetails(req.query, queryKeys, 'a parameter of this endpoint', {}));
      for (const [key, value] of Object.entries(req.query)) {
        if (Array.isArray(value)) {
          details.push({ field: key, message: 'must be given once', code: 'invalid_type' });
        }
      }
    }
    if (bodyKeys) {
      details.push(...unknownKeyDetails(req.body, bodyKeys, 'a field of this request', hints));
    }
    if (details.length) throw new ValidationError(details);
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
  handler.bodyKeys = bodyKeys;
  return handler;
}

export const uuid = z.uuid({ message: 'must be a valid id' });

/** `/stores/:storeId/<things>/:id` */
export const idParams = z.object({ storeId: uuid, id: uuid });

/** A nested object whose unknown keys are a 400 too (top-level ones are checked in validate). */
export const strictObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has unknown field(s): ${issue.keys.join(', ')} (accepted: ${Object.keys(shape).join(', ')})`
        : undefined,
  });
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

/**
 * An amount of money: 0 to MONEY_MAX with at most 2 decimals. The decimals are checked on
 * the number's shortest text (what the client sent), not by multiplying by 100: in binary,
 * 2276573784.93 × 100 is 227657378492.99997, which a tolerance check wrongly refuses.
 */
export const money = z
  .number(typeMessage('must be a number'))
  .min(0, 'must not be negative')
  .max(MONEY_MAX)
  .refine((n) => Number(n.toFixed(2)) === n, { message: 'must have at most 2 decimals' });
