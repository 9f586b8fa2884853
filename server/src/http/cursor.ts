import { ValidationError } from './errors';

/** Opaque keyset cursors: the sort value and id of the last row of a page. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([
    { field: 'cursor', message: 'is not a valid cursor', code: 'invalid_cursor' },
  ]);
}
