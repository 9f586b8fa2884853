import type { AlertsService } from './modules/alerts/alerts.service';
import type { ForecastingService } from './modules/forecasting/forecasting.service';
import type { NotificationMail } from './modules/notifications/notifications.mail';
import type { ScheduledTask } from './modules/schedules/schedules.service';

/**
 * What each store has done for it on its own, at its local time (Settings lists them in this
 * order and lets an admin move or stop each). Each task queues its job in the claiming
 * transaction of the schedules service.
 */
export function storeTasks(s: {
  forecasting: ForecastingService;
  alerts: AlertsService;
  notificationMail: NotificationMail;
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
  ];
}
