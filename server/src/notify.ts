import type { Pool } from 'pg';
import type { Config } from './config';
import type { Logger } from './logger';
import type { CheckReads } from './modules/alerts/alert-checks';
import { createAlertsService } from './modules/alerts/alerts.service';
import type { AnalyticsService } from './modules/analytics/analytics.service';
import { userReads } from './modules/auth/auth.reads';
import type { StoreWriter } from './modules/events/events.service';
import type { JobsService } from './modules/jobs/jobs.service';
import { createNotificationMail } from './modules/notifications/notifications.mail';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createPushDelivery } from './modules/notifications/push.delivery';
import { webPushFromEnv, type WebPushSetup } from './modules/notifications/push.keys';
import { createPushService } from './modules/notifications/push.service';
import { createWeeklySummary } from './modules/notifications/weekly-summary';
import type { Mailer } from './platform/mailer';
import type { Outbound } from './platform/outbound';
import type { Reads } from './reads';
import { weekFigures } from './weekly-figures';

export interface NotifyDeps {
  config: Config;
  pool: Pool;
  write: StoreWriter;
  jobs: JobsService;
  mailer: Mailer;
  reads: Reads;
  analytics: AnalyticsService;
  /** What is on order of each product, from purchasing (alerts leave it out of stock-outs). */
  onOrder: CheckReads['onOrder'];
  timezoneOf: (storeId: string) => Promise<string>;
  /** Web Push as main set it up; without it, the environment's keys, else off. */
  webPush?: WebPushSetup;
  /** The guard for requests to addresses users give (push services). */
  outbound: Outbound;
  publicUrl: () => string;
  log: Logger;
}

/**
 * How Nimbus tells people: alerts (what a store needs to know), notifications in the app, e-mailed (at once or as a digest), pushed
 * to their devices, and the weekly summary. Wired here, beside the composition root, as
 * `reads.ts` and `schedule-tasks.ts` are.
 */
export function createNotify(deps: NotifyDeps) {
  const { config, pool, jobs, mailer, reads, publicUrl, log } = deps;
  const alerts = createAlertsService({
    pool,
    write: deps.write,
    jobs,
    reads: {
      lowOrOut: reads.inventory.lowOrOut,
      inStock: reads.inventory.inStock,
      named: reads.inventory.activeNames,
      sellingRates: reads.forecasting.sellingRates,
      notableAnomalies: reads.forecasting.notableAnomalies,
      onOrder: deps.onOrder,
      expiringBy: reads.inventory.expiringBy,
      lateOrders: reads.purchasing.lateOrders,
      dueInvoices: reads.invoices.dueInvoices,
      disabledWebhooks: reads.webhooks.disabledByFailures,
      failingJobs: async (db, storeId) => {
        const named = jobs.announced();
        const failing = await reads.jobs.failing(db, storeId, [...named.keys()]);
        return failing.map((j) => ({ ...j, what: named.get(j.type) ?? j.type }));
      },
    },
    timezoneOf: deps.timezoneOf,
    log,
  });
  const notificationMail = createNotificationMail({
    pool,
    jobs,
    mailer,
    usersOf: userReads.byIds,
    membersOf: reads.stores.membersOf,
    membershipsOfUser: reads.stores.membershipsOfUser,
    publicUrl,
    log,
  });
  const webPush = deps.webPush ??
    webPushFromEnv(config) ?? { enabled: false, reason: 'Web Push is off: no VAPID keys' };
  const push = createPushService({ pool, setup: webPush, outbound: deps.outbound });
  const pushDelivery = createPushDelivery({
    pool,
    jobs,
    setup: webPush,
    outbound: deps.outbound,
    membershipsOfUser: reads.stores.membershipsOfUser,
    log,
  });
  const weeklySummary = createWeeklySummary({
    pool,
    jobs,
    mailer,
    usersOf: userReads.byIds,
    membersOf: reads.stores.membersOf,
    figures: weekFigures({ pool, reads, analytics: deps.analytics, alerts }),
    publicUrl,
    log,
  });
  const notifications = createNotificationsService({
    pool,
    membersOf: reads.stores.membersOf,
    membershipsOfUser: reads.stores.membershipsOfUser,
    onImmediateMail: (userIds) => notificationMail.queueImmediate(userIds),
    pushTargets: (userIds) => push.targets(userIds),
    onPush: (byUser) => pushDelivery.queue(byUser),
    log,
  });
  return { alerts, notificationMail, push, weeklySummary, notifications, webPush };
}
