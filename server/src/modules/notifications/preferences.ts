import type { Role } from '../../core/access';
import { ALERT_KINDS, type AlertKind } from '../../core/alerts';

export const CHANNELS = ['inApp', 'email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];
export const EMAIL_DELIVERIES = ['immediate', 'digest'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

/** What a user set for a kind: a channel left out follows the role's default. */
export type KindChoice = Partial<Record<Channel, boolean>>;
export interface Preferences {
  kinds: Partial<Record<AlertKind, KindChoice>>;
  emailDelivery: EmailDelivery | null;
}
export type Resolved = Record<AlertKind, Record<Channel, boolean>>;

const STOCK_KINDS: readonly AlertKind[] = [
  'low_stock',
  'out_of_stock',
  'stockout_risk',
  'expiring',
  'expired',
];

/** The kinds each role hears of unless its member says otherwise. */
const ROLE_KINDS: Record<Role, readonly AlertKind[]> = {
  admin: ALERT_KINDS,
  manager: ALERT_KINDS,
  employee: STOCK_KINDS,
  viewer: [],
};

/**
 * The role defaults: in the app and by push the kinds the role hears of; by e-mail only for
 * admins and managers (in a daily digest), so a shop floor is not mailed every low shelf.
 */
export function roleDefault(role: Role, kind: AlertKind, channel: Channel): boolean {
  const hears = ROLE_KINDS[role].includes(kind);
  if (channel === 'email') return hears && (role === 'admin' || role === 'manager');
  return hears;
}

export const defaultDelivery = (role: Role): EmailDelivery =>
  role === 'admin' || role === 'manager' ? 'digest' : 'immediate';

/** What applies to a member of a store with `role`: their own choice, else the default. */
export function resolve(prefs: Preferences, role: Role) {
  const kinds = Object.fromEntries(
    ALERT_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        CHANNELS.map((c) => [c, prefs.kinds[kind]?.[c] ?? roleDefault(role, kind, c)]),
      ),
    ]),
  ) as Resolved;
  return { kinds, emailDelivery: prefs.emailDelivery ?? defaultDelivery(role) };
}

export const NO_PREFERENCES: Preferences = { kinds: {}, emailDelivery: null };
