import type { Pool } from 'pg';
import { purgeIdempotencyKeys } from './http/idempotency';
import type { AlertsService } from './modules/alerts/alerts.service';
import type { AnalyticsService } from './modules/analytics/analytics.service';
import type { AuthService } from './modules/auth/auth.service';
import type { EventFeed } from './modules/events/events.feed';
import type { FilesService } from './modules/files/files.service';
import type { JobsService } from './modules/jobs/jobs.service';
import type { NotificationsService } from './modules/notifications/notifications.service';
import type { WeeklySummary } from './modules/notifications/weekly-summary';
import type { ForecastingService } from './modules/forecasting/forecasting.service';
import type { NotificationMail } from './modules/notifications/notifications.mail';
import type { Logger } from './logger';
import {
  createSchedulesService,
  type ScheduledTask,
  type SchedulesService,
  type SystemTask,
} from './modules/schedules/schedules.service';
import type { Reads } from './reads';
import type { WebhooksService } from './modules/webhooks/webhooks.service';

/**
 * What each store has done for it on its own, at its local time (Settings lists them in this
 * order and lets an admin move or stop each). Each task queues its job in the claiming
 * transaction of the schedules service.
 */
export function storeTasks(s: {
  forecasting: ForecastingService;
  alerts: AlertsService;
  notificationMail: NotificationMail;
  weeklySummary: WeeklySummary;
}): ScheduledTask[] {
  return [
    {
      task: 'forecasts',
      title: 'Forecasts and anomalies',
      cadence: 'daily',
      defaultAt: '02:00',
      run: (tx, storeId) => s.forecasting.queueScheduled(tx, storeId),
    },
    {
      task: 'expiry',
      title: 'Expiring and expired stock',
      cadence: 'daily',
      defaultAt: '06:00',
      run: (tx, storeId) => s.alerts.queueCheck(tx, storeId, 'expiry'),
    },
    {
      task: 'digest',
      title: 'Daily e-mail digest of new alerts',
      cadence: 'daily',
      defaultAt: '07:00',
      run: (tx, storeId) => s.notificationMail.queueDigest(tx, storeId),
    },
    {
      task: 'stock',
      title: 'Stock: low, out, running out, unusual demand',
      cadence: 'daily',
      defaultAt: '08:00',
      run: (tx, storeId) => s.alerts.queueCheck(tx, storeId, 'stock'),
    },
    {
      task: 'purchasing',
      title: 'Late deliveries and invoices due',
      cadence: 'daily',
      defaultAt: '09:00',
      run: (tx, storeId) => s.alerts.queueCheck(tx, storeId, 'purchasing'),
    },
    {
      task: 'weekly-summary',
      title: 'Weekly summary e-mail to admins and managers',
      cadence: 'weekly',
      defaultAt: '09:00',
      run: (tx, storeId) => s.weeklySummary.queue(tx, storeId),
    },
  ];
}

/**
 * The installation's own hourly work, run once across replicas: each part deletes what is
 * past its retention in its own tables, through its own module.
 */
export function systemTasks(s: {
  pool: Pool;
  events: EventFeed;
  analytics: Pick<AnalyticsService, 'keepUpFigures'>;
  auth: AuthService;
  alerts: AlertsService;
  notifications: NotificationsService;
  jobs: JobsService;
  webhooks: WebhooksService;
  files: FilesService;
  schedules: () => SchedulesService;
}): SystemTask[] {
  return [
    {
      task: 'cleanup',
      title:
        'Expired data: published events, idempotency keys, sessions, old alerts and jobs, removed files; the dashboard figures folded',
      async work() {
        const dashboard = await s.analytics.keepUpFigures();
        return {
          events: await s.events.purgePublished(),
          idempotencyKeys: await purgeIdempotencyKeys(s.pool),
          tokens: await s.auth.purgeExpired(),
          notifications: await s.notifications.purgeSettled(),
          alerts: await s.alerts.purgeResolved(),
          jobs: await s.jobs.purgeFinished(),
          webhookDeliveries: await s.webhooks.purgeDeliveries(),
          scheduleRuns: await s.schedules().purgeOldRuns(),
          files: await s.files.purgeDeleted(),
          dashboardFolds: dashboard.folded,
          dashboardFloorsRaised: dashboard.floorsRaised,
        };
      },
    },
  ];
}

/** The schedules service, with the stores' tasks and the installation's hourly work. */
export function createSchedules(
  s: Parameters<typeof storeTasks>[0] &
    Omit<Parameters<typeof systemTasks>[0], 'schedules'> & {
      reads: Reads;
      timezoneOf: (storeId: string) => Promise<string>;
      log: Logger;
    },
): SchedulesService {
  const schedules: SchedulesService = createSchedulesService({
    pool: s.pool,
    jobs: s.jobs,
    tasks: storeTasks(s),
    system: systemTasks({ ...s, schedules: () => schedules }),
    stores: (db) => s.reads.stores.scheduled(db),
    timezoneOf: s.timezoneOf,
    nudge: () => s.jobs.nudge(),
    log: s.log,
  });
  return schedules;
}
