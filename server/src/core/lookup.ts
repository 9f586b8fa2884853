/**
 * A lookup table for names that come from a request (a dataset, a field): built without a
 * prototype, so `__proto__`, `constructor` or `toString` find nothing instead of an inherited
 * member, and frozen, so no lookup can add one.
 */
export function namedTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
