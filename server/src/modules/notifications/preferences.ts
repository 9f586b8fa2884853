import type { Role } from '../../core/access';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../core/alerts';

export const CHANNELS = ['inApp', 'email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];
export const EMAIL_DELIVERIES = ['immediate', 'digest'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

/** What a user set for a kind: a channel left out follows the role's default. */
export type KindChoice = Partial<Record<Channel, boolean>>;
export interface Preferences {
  kinds: Partial<Record<NotificationKind, KindChoice>>;
  emailDelivery: EmailDelivery | null;
  /** The Monday mail of the week's figures (null: the role's default). */
  weeklySummary: boolean | null;
}
export type Resolved = Record<NotificationKind, Record<Channel, boolean>>;

const STOCK_KINDS: readonly NotificationKind[] = [
  'low_stock',
  'out_of_stock',
  'stockout_risk',
  'expiring',
  'expired',
];

/** The alert kinds each role hears of unless its member says otherwise. */
const ROLE_KINDS: Record<Role, readonly NotificationKind[]> = {
  admin: NOTIFICATION_KINDS,
  // A disabled webhook is the admins' to fix (only they manage webhooks).
  manager: NOTIFICATION_KINDS.filter((k) => k !== 'webhook_disabled'),
  employee: STOCK_KINDS,
  viewer: [],
};

const runsTheStore = (role: Role) => role === 'admin' || role === 'manager';

/**
 * The role defaults: in the app and by push the kinds the role hears of; by e-mail only for
 * admins and managers (in a daily digest), so a shop floor is not mailed every low shelf. The
 * outcome of one's own job (`job_finished`) is told to whoever started it, in the app and by
 * push, not mailed.
 */
export function roleDefault(role: Role, kind: NotificationKind, channel: Channel): boolean {
  if (kind === 'job_finished') return channel !== 'email';
  const hears = ROLE_KINDS[role].includes(kind);
  if (channel === 'email') return hears && runsTheStore(role);
  return hears;
}

export const defaultDelivery = (role: Role): EmailDelivery =>
  runsTheStore(role) ? 'digest' : 'immediate';

/** What applies to a member of a store with `role`: their own choice, else the default. */
export function resolve(prefs: Preferences, role: Role) {
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      Object.fromEntries(
        CHANNELS.map((c) => [c, prefs.kinds[kind]?.[c] ?? roleDefault(role, kind, c)]),
      ),
    ]),
  ) as Resolved;
  return {
    kinds,
    emailDelivery: prefs.emailDelivery ?? defaultDelivery(role),
    weeklySummary: prefs.weeklySummary ?? runsTheStore(role),
  };
}

export const NO_PREFERENCES: Preferences = { kinds: {}, emailDelivery: null, weeklySummary: null };
