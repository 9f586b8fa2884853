import { can, withArticle, type Role } from './access';
import { ForbiddenError } from './errors';

/**
 * The one money rule. Money is what the store pays (product costs, purchase prices and order
 * totals, what it spends with a supplier, invoice amounts, estimated and actual shopping costs)
 * and what its stock and sales add up to (stock value, revenue, margins). The roles that view
 * reports see it: admins, managers and viewers (an owner's accountant reads the books). An
 * employee runs the floor: prices on the shelf, each sale and refund at the till, stock and
 * deliveries, but not what things cost. For them every money field of a response is null, and
 * a body that sets one is refused (403), since they could neither see nor check the value.
 */
export const MONEY_PERMISSION = 'reports:view' as const;

export function seesMoney(role: Role): boolean {
  return can(role, MONEY_PERMISSION);
}

/**
 * Where a response holds money: dotted paths, `*` for every element of an array
 * (`lines.*.unitCost`), or a function for what paths cannot say (a history row is money
 * only when its field is `cost`). Applied to each item of a list.
 */
export type MoneyFields = readonly string[] | ((value: never) => unknown);

/** `value` as `role` may see it: unchanged with the money permission, money nulled without. */
export function withoutMoneyFor<T>(role: Role, value: T, fields: MoneyFields): T {
  if (seesMoney(role)) return value;
  if (typeof fields === 'function') return (fields as (v: T) => T)(value);
  return fields.reduce((v, path) => nullAt(v, path.split('.')), value);
}

function nullAt<T>(value: T, path: string[]): T {
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path;
  if (head === '*') {
    return (Array.isArray(value) ? value.map((v: unknown) => nullAt(v, rest)) : value) as T;
  }
  if (!head || !(head in value)) return value;
  const inner = (value as Record<string, unknown>)[head];
  return { ...value, [head]: rest.length ? nullAt(inner, rest) : null };
}

/**
 * Refuses a body that sets money (any of `fields` present, null included) from a role that
 * may not see it, naming the permission. PUT and PATCH leave what is not sent as it is.
 */
export function assertMaySetMoney(
  role: Role,
  body: object,
  fields: readonly string[],
  what = 'costs',
): void {
  if (seesMoney(role)) return;
  const sent = fields.filter((f) => f in body);
  if (!sent.length) return;
  throw new ForbiddenError(
    `As ${withArticle(role)} you cannot see or set ${what} in this store: leave out ${sent.join(', ')} (needs ${MONEY_PERMISSION})`,
  );
}
