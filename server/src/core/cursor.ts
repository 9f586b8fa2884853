import { ValidationError } from './errors';

export type CursorPart = 'text' | 'number' | 'decimal' | 'timestamp' | 'uuid';

const CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 500,
  number: (v) => typeof v === 'number' && Number.isSafeInteger(v),
  decimal: (v) => typeof v === 'string' && /^-?\d{1,12}(\.\d{1,2})?$/.test(v),
  timestamp: (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v),
  uuid: (v) =>
    typeof v === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
};

/** Opaque keyset cursors: the sort value and id of the last row of a page. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes and type-checks a cursor, so a forged one is a 400, never a database error. */
export function decodeCursor(cursor: string, parts: CursorPart[]): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === parts.length &&
      parts.every((p, i) => CHECKS[p](values[i]))
    ) {
      return values;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([
    { field: 'cursor', message: 'is not a valid cursor', code: 'invalid_cursor' },
  ]);
}
