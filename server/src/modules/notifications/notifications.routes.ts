import type { Routes } from '../../http/route';
import type { NotificationsService } from './notifications.service';
import type { Preferences } from './preferences';
import * as s from './notifications.schemas';
import * as push from './push.schemas';
import type { PushService } from './push.service';

/** Routes under /api/v1/notifications: the caller's own notifications, in their stores. */
export function notificationsRoutes(
  r: Routes,
  { notifications }: { notifications: NotificationsService },
) {
  r.user('get', '/', { query: s.listNotificationsQuery, list: true }, ({ principal, query }) =>
    notifications.list(principal.userId, query),
  );
  r.user('get', '/unread-count', {}, ({ principal }) =>
    notifications.unreadCount(principal.userId),
  );
  r.user('post', '/read-all', { body: s.readAllBody }, ({ principal, body }) =>
    notifications.markAllRead(principal.userId, body.storeId),
  );
  r.user('post', '/:id/read', { params: s.notificationParams }, ({ principal, params }) =>
    notifications.markRead(principal.userId, params.id),
  );
}

/** Routes under /api/v1/me: the caller's own settings, and the browsers they get push in. */
export function meRoutes(
  r: Routes,
  { notifications, push: devices }: { notifications: NotificationsService; push: PushService },
) {
  r.user('get', '/notification-preferences', {}, ({ principal }) =>
    notifications.preferences(principal.userId),
  );
  r.user('put', '/notification-preferences', { body: s.preferencesBody }, ({ principal, body }) =>
    notifications.setPreferences(principal.userId, toPreferences(body)),
  );
  r.user('get', '/web-push', {}, async () => devices.config());
  r.user('get', '/push-subscriptions', {}, ({ principal }) => devices.list(principal.userId));
  r.user(
    'post',
    '/push-subscriptions',
    { body: push.subscribeBody, status: 201 },
    ({ principal, body, req }) => devices.subscribe(principal.userId, body, req.get('user-agent')),
  );
  r.user(
    'delete',
    '/push-subscriptions',
    { query: push.unsubscribeQuery, status: 204 },
    ({ principal, query }) => devices.unsubscribe(principal.userId, { endpoint: query.endpoint }),
  );
  r.user(
    'delete',
    '/push-subscriptions/:id',
    { params: push.subscriptionParams, status: 204 },
    ({ principal, params }) => devices.unsubscribe(principal.userId, { id: params.id }),
  );
}

/** Drops what the body leaves to the role (null): only the user's own choices are kept. */
function toPreferences(body: s.PreferencesBody): Preferences {
  const kinds: Preferences['kinds'] = {};
  for (const [kind, channels] of Object.entries(body.kinds)) {
    const set = Object.fromEntries(Object.entries(channels ?? {}).filter(([, v]) => v !== null));
    if (Object.keys(set).length > 0) kinds[kind as keyof Preferences['kinds']] = set;
  }
  return { kinds, emailDelivery: body.emailDelivery, weeklySummary: body.weeklySummary };
}
