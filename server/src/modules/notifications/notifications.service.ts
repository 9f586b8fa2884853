import type { Pool } from 'pg';
import type { Role } from '../../core/access';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../core/alerts';
import { decodeCursor } from '../../core/cursor';
import { NotFoundError } from '../../core/errors';
import type { EventMap } from '../../core/events';
import { keysetPage } from '../../core/paging';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import * as repo from './notifications.repo';
import type { ListNotificationsQuery } from './notifications.schemas';
import { NO_PREFERENCES, resolve, type Preferences } from './preferences';

/** A published outbox event, as the publisher's leader hands it over. */
export interface PublishedEvent {
  storeId: string;
  type: string;
  payload: unknown;
}

export interface NotificationsDeps {
  pool: Pool;
  /** The stores module's reads: who belongs to a store, and to which stores a user belongs. */
  membersOf(db: Db, storeId: string): Promise<{ userId: string; role: Role }[]>;
  membershipsOfUser(
    db: Db,
    userId: string,
  ): Promise<{ storeId: string; storeName: string; role: Role }[]>;
  /** Told of the notifications to be mailed at once (queues their mail job). */
  onImmediateMail?(userIds: string[]): Promise<void>;
  /** Of `userIds`, those with a browser subscribed to Web Push (none while push is off). */
  pushTargets?(userIds: string[]): Promise<Set<string>>;
  /** Told of the new notifications to push, per user (queues their push job). */
  onPush?(byUser: Map<string, string[]>): Promise<void>;
  log: Logger;
}

/** Days a read (or mailed-only) notification is kept before the hourly cleanup deletes it. */
export const SETTLED_NOTIFICATION_DAYS = 90;

const isKind = (k: string): k is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(k);

/** What a user is told of once: an alert, or (without one) a job. */
const once = (userId: string, alertId: string | null, subjectId: string) =>
  `${userId} ${alertId ?? `job ${subjectId}`}`;

/** Something to tell a store's members of: an opened alert, or a job's outcome. */
interface Tidings {
  kind: NotificationKind;
  alertId: string | null;
  subject: { type: string; id: string };
  title: string;
  /** Only this member (the one who started the job); else every member, by preference. */
  onlyUser?: string;
}

/** The outcome of a member's job, as they are told of it. */
function jobTidings(e: EventMap['job.finished']): Tidings | undefined {
  if (!e.startedBy) return undefined;
  return {
    kind: 'job_finished',
    alertId: null,
    subject: { type: 'job', id: e.jobId },
    title: (e.status === 'succeeded'
      ? `${e.what} finished`
      : `${e.what} failed${e.error ? `: ${e.error}` : ''}`
    ).slice(0, 300),
    onlyUser: e.startedBy,
  };
}

/**
 * Notifications: each member of a store who should hear of an alert (their role's defaults
 * and their own preferences) gets one notification of it when it opens, made from the
 * published `alert.opened` event (once per user and alert, however often it is delivered);
 * `alert.resolved` marks them resolved. Every read is the caller's own, in the stores they
 * belong to now.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const { pool } = deps;

  async function storesOf(userId: string, storeId?: string) {
    const stores = await deps.membershipsOfUser(pool, userId);
    if (storeId && !stores.some((s) => s.storeId === storeId)) throw new NotFoundError('Store');
    return storeId ? stores.filter((s) => s.storeId === storeId) : stores;
  }

  /**
   * Makes one notification per member who should hear of each thing (their preferences, else
   * their role's defaults) and answers those made; every notification is made here, whatever
   * it tells of, so every channel sees each.
   */
  async function deliver(storeId: string, tidings: Tidings[]) {
    const members = await deps.membersOf(pool, storeId);
    if (members.length === 0) return { rows: [], pushes: [] };
    const prefs = await repo.preferencesOf(
      pool,
      members.map((m) => m.userId),
    );
    const pushable = (await deps.pushTargets?.(members.map((m) => m.userId))) ?? new Set();
    const rows: repo.NewNotification[] = [];
    const pushes = new Set<string>();
    for (const m of members) {
      const own = resolve(prefs.get(m.userId) ?? NO_PREFERENCES, m.role);
      for (const a of tidings) {
        if (a.onlyUser && a.onlyUser !== m.userId) continue;
        const want = own.kinds[a.kind];
        const email = want.email ? own.emailDelivery : null;
        const push = want.push && pushable.has(m.userId);
        if (!want.inApp && !email && !push) continue;
        if (push) pushes.add(once(m.userId, a.alertId, a.subject.id));
        rows.push({
          userId: m.userId,
          storeId,
          alertId: a.alertId,
          kind: a.kind,
          subjectType: a.subject.type,
          subjectId: a.subject.id,
          title: a.title,
          inApp: want.inApp,
          email,
        });
      }
    }
    // Each channel once: only what this delivery of the event inserted.
    const inserted = await repo.insertNotifications(pool, rows);
    const made = new Set(inserted.map((r) => once(r.user_id, r.alert_id, r.subject_id)));
    return {
      rows: rows.filter((r) => made.has(once(r.userId, r.alertId, r.subjectId))),
      pushes: inserted.filter((r) => pushes.has(once(r.user_id, r.alert_id, r.subject_id))),
    };
  }

  const toItem = (names: Map<string, string>) => (r: repo.NotificationRow) => ({
    id: r.id,
    storeId: r.store_id,
    storeName: names.get(r.store_id) ?? null,
    alertId: r.alert_id,
    kind: r.kind,
    title: r.title,
    subject: { type: r.subject_type, id: r.subject_id },
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
  });

  return {
    /**
     * After published events (the outbox publisher's leader awaits this before it marks
     * them published, so a crash in between delivers them again: the unique (user, alert)
     * makes that harmless).
     */
    async afterEvents(events: readonly PublishedEvent[]): Promise<void> {
      const byStore = new Map<string, Tidings[]>();
      const resolved: string[] = [];
      const tell = (storeId: string, t: Tidings | undefined) => {
        if (t && isKind(t.kind)) byStore.set(storeId, [...(byStore.get(storeId) ?? []), t]);
      };
      for (const e of events) {
        if (e.type === 'alert.opened') {
          const a = e.payload as EventMap['alert.opened'];
          tell(e.storeId, { ...a, kind: a.kind as NotificationKind });
        } else if (e.type === 'job.finished') {
          tell(e.storeId, jobTidings(e.payload as EventMap['job.finished']));
        } else if (e.type === 'alert.resolved') {
          resolved.push((e.payload as EventMap['alert.resolved']).alertId);
        }
      }
      const mailNow = new Set<string>();
      const pushNow = new Map<string, string[]>();
      for (const [storeId, tidings] of byStore) {
        const { rows, pushes } = await deliver(storeId, tidings);
        for (const n of rows) if (n.email === 'immediate') mailNow.add(n.userId);
        for (const p of pushes) pushNow.set(p.user_id, [...(pushNow.get(p.user_id) ?? []), p.id]);
      }
      // Opened before resolved: an alert opened and resolved in one batch ends resolved.
      await repo.markResolved(pool, resolved);
      if (mailNow.size > 0) await deps.onImmediateMail?.([...mailNow]);
      if (pushNow.size > 0) await deps.onPush?.(pushNow);
    },

    /** The hourly cleanup: notifications read (or mailed) long ago. */
    purgeSettled: () => repo.purgeSettled(pool, SETTLED_NOTIFICATION_DAYS),

    async list(userId: string, q: ListNotificationsQuery) {
      const stores = await storesOf(userId, q.storeId);
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const rows = await repo.listNotifications(pool, userId, {
        storeIds: stores.map((s) => s.storeId),
        unread: q.unread,
        kind: q.kind,
        limit: q.limit + 1,
        after: after && { createdAt: String(after[0]), id: String(after[1]) },
      });
      const { page, pagination } = keysetPage(
        rows,
        { page: 1, limit: q.limit },
        undefined,
        (last) => [last.created_at.toISOString(), last.id],
      );
      const names = new Map(stores.map((s) => [s.storeId, s.storeName]));
      return { items: page.map(toItem(names)), pagination };
    },

    async unreadCount(userId: string) {
      const stores = await storesOf(userId);
      const counts = await repo.unreadCounts(
        pool,
        userId,
        stores.map((s) => s.storeId),
      );
      return {
        unread: [...counts.values()].reduce((a, b) => a + b, 0),
        byStore: stores.map((s) => ({ storeId: s.storeId, unread: counts.get(s.storeId) ?? 0 })),
      };
    },

    async markRead(userId: string, id: string) {
      const stores = await storesOf(userId);
      const row = await repo.markRead(
        pool,
        userId,
        stores.map((s) => s.storeId),
        id,
      );
      if (!row) throw new NotFoundError('Notification');
      return toItem(new Map(stores.map((s) => [s.storeId, s.storeName])))(row);
    },

    async markAllRead(userId: string, storeId?: string) {
      const stores = await storesOf(userId, storeId);
      const marked = await repo.markAllRead(
        pool,
        userId,
        stores.map((s) => s.storeId),
      );
      return { marked };
    },

    /** The caller's own choices (null: the role's default) and what applies in each store. */
    async preferences(userId: string) {
      const own = (await repo.preferencesOf(pool, [userId])).get(userId) ?? NO_PREFERENCES;
      return preferencesView(own, await deps.membershipsOfUser(pool, userId));
    },

    /** Replaces the caller's choices (what the body leaves out follows the role's default). */
    async setPreferences(userId: string, p: Preferences) {
      await repo.savePreferences(pool, userId, p);
      return preferencesView(p, await deps.membershipsOfUser(pool, userId));
    },
  };
}

function preferencesView(
  own: Preferences,
  stores: { storeId: string; storeName: string; role: Role }[],
) {
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [
      k,
      {
        inApp: own.kinds[k]?.inApp ?? null,
        email: own.kinds[k]?.email ?? null,
        push: own.kinds[k]?.push ?? null,
      },
    ]),
  );
  return {
    kinds,
    emailDelivery: own.emailDelivery,
    weeklySummary: own.weeklySummary,
    stores: stores.map((s) => ({
      storeId: s.storeId,
      storeName: s.storeName,
      role: s.role,
      ...resolve(own, s.role),
    })),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
