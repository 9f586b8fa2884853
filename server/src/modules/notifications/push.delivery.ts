import type { Pool } from 'pg';
import webpush from 'web-push';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import { OutboundRefusedError, type Outbound } from '../../platform/outbound';
import type { JobsService } from '../jobs/jobs.service';
import type { WebPushSetup } from './push.keys';
import * as repo from './push.repo';
import { subjectPath } from './subject-path';

export const PUSH_JOB = 'notifications.push';
/** How long a push service keeps a message for a device that is offline. */
const TTL_SECONDS = 12 * 60 * 60;
/** A subscription refused this many times in a row (a 4xx other than 404/410) is removed. */
const REFUSALS_MAX = 5;
/** Alerts named in a summary push; the rest are counted. */
const LISTED = 3;

/** What the service worker shows (web/public/sw.js). */
export interface PushMessage {
  title: string;
  body: string;
  /** The SPA's path of the thing, opened on a click. */
  url: string;
  /** Notifications with one tag replace each other on the device: one per alert. */
  tag: string;
}

export interface PushDeliveryDeps {
  pool: Pool;
  jobs: JobsService;
  setup: WebPushSetup;
  outbound: Pick<Outbound, 'request'>;
  membershipsOfUser(db: Db, userId: string): Promise<{ storeId: string; storeName: string }[]>;
  log: Logger;
}

type Outcome = 'sent' | 'gone' | 'refused' | 'retry';

/** One push of a user's new notifications: one alert as itself, more as a summary. */
export function composePush(
  rows: repo.PushNotificationRow[],
  storeNames: Map<string, string>,
): PushMessage {
  const [first] = rows;
  const store = (id: string) => storeNames.get(id) ?? 'Nimbus';
  if (rows.length === 1 && first) {
    const url = subjectPath(first.store_id, first.subject_type, first.subject_id);
    return {
      title: first.title,
      body: store(first.store_id),
      url,
      tag: first.alert_id ? `alert-${first.alert_id}` : `job-${first.subject_id}`,
    };
  }
  const stores = [...new Set(rows.map((r) => r.store_id))];
  const more = rows.length - LISTED;
  return {
    title: `${rows.length} new notifications${stores.length === 1 ? ` in ${store(stores[0]!)}` : ''}`,
    body: [
      ...rows.slice(0, LISTED).map((r) => r.title),
      ...(more > 0 ? [`and ${more} more`] : []),
    ].join('\n'),
    url: '/notifications',
    tag: 'alerts-summary',
  };
}

/**
 * Web Push of new notifications, from a job per user and batch (never in the publisher's
 * loop): encrypted for each of the user's browsers with `web-push` and sent through the
 * outbound guard. A push service's 404/410 removes the subscription; 429, 5xx and network
 * failures throw, so the queue retries with backoff (the browsers already served are in the
 * job's checkpoint, and are not sent to twice); another refusal is logged and counted.
 */
export function createPushDelivery(deps: PushDeliveryDeps) {
  const { pool, jobs, setup, outbound, log } = deps;

  async function sendOne(
    sub: repo.SubscriptionRow,
    message: PushMessage,
    urgent: boolean,
    topic: string | undefined,
  ): Promise<{ outcome: Outcome; status?: number; error?: string }> {
    if (!setup.enabled) throw new Error('Web Push is off');
    if (sub.expires_at && sub.expires_at.getTime() < Date.now()) return { outcome: 'gone' };
    const details = webpush.generateRequestDetails(
      {
        endpoint: sub.endpoint,
        keys: { p256dh: sub.p256dh.toString('base64url'), auth: sub.auth.toString('base64url') },
      },
      JSON.stringify(message),
      {
        vapidDetails: setup,
        TTL: TTL_SECONDS,
        urgency: urgent ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
        ...(topic ? { topic } : {}),
      },
    );
    try {
      const res = await outbound.request(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string | number>,
        body: details.body,
      });
      if (res.status >= 200 && res.status < 300) return { outcome: 'sent', status: res.status };
      if (res.status === 404 || res.status === 410) return { outcome: 'gone', status: res.status };
      if (res.status === 429 || res.status >= 500) return { outcome: 'retry', status: res.status };
      return { outcome: 'refused', status: res.status, error: res.body.slice(0, 200) };
    } catch (err) {
      if (err instanceof OutboundRefusedError) return { outcome: 'refused', error: err.message };
      return { outcome: 'retry', error: String(err) };
    }
  }

  jobs.register(PUSH_JOB, async ({ job, progress }) => {
    // Queued before a restart without keys: nothing is sent, and no subscription is blamed.
    if (!setup.enabled) return { skipped: setup.reason };
    const { userId, notificationIds } = job.payload as {
      userId: string;
      notificationIds: string[];
    };
    const served = new Set((job.checkpoint?.served as string[] | undefined) ?? []);
    const stores = await deps.membershipsOfUser(pool, userId);
    const names = new Map(stores.map((s) => [s.storeId, s.storeName]));
    // A store the user has left since, or an alert resolved before this ran, is not pushed.
    const rows = (await repo.notificationsToPush(pool, userId, notificationIds)).filter(
      (r) => names.has(r.store_id) && !r.resolved_at,
    );
    const counts = { sent: 0, gone: 0, refused: 0, retry: 0 };
    if (rows.length === 0) return counts;
    const message = composePush(rows, names);
    const urgent = rows.some((r) => r.kind === 'out_of_stock');
    // The push service keeps one undelivered message per topic: the alert's (or job's) id.
    const [only, ...others] = rows;
    const topic =
      only && others.length === 0
        ? (only.alert_id ?? only.subject_id).replace(/-/g, '')
        : undefined;
    let retry: string | undefined;
    for (const sub of await repo.listOf(pool, userId)) {
      if (served.has(sub.id)) continue;
      const { outcome, status, error } = await sendOne(sub, message, urgent, topic);
      counts[outcome]++;
      const at = { jobId: job.id, userId, subscriptionId: sub.id, status, error };
      if (outcome === 'sent') {
        await repo.delivered(pool, sub.id);
        served.add(sub.id);
      } else if (outcome === 'gone') {
        await repo.removeById(pool, sub.id);
        log.info('push subscription gone; removed', at);
      } else if (outcome === 'refused') {
        const failures = await repo.refused(pool, sub.id, REFUSALS_MAX);
        log.warn('push refused', { ...at, failures });
      } else {
        retry = `push service answered ${status ?? error}`;
        log.warn('push failed; will retry', at);
      }
    }
    await progress(pool, 100, { served: [...served] });
    if (retry) throw new Error(retry);
    return counts;
  });

  return {
    /** Queues each user's push of their new notifications (a system job per user). */
    async queue(byUser: Map<string, string[]>): Promise<void> {
      for (const [userId, notificationIds] of byUser) {
        await jobs.enqueue(pool, { type: PUSH_JOB, payload: { userId, notificationIds } });
      }
      jobs.nudge();
    },
  };
}

export type PushDelivery = ReturnType<typeof createPushDelivery>;
