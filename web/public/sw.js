/*
 * Nimbus's service worker: shows Web Push notifications (the server's payload: title, body,
 * url, tag) and, on a click, focuses a Nimbus tab on the thing or opens one. It caches
 * nothing. Served from the root (scope `/`) with `Cache-Control: no-cache`, so a new version
 * is picked up on the next visit.
 */

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function messageOf(event) {
  try {
    const data = event.data ? event.data.json() : {};
    return data && typeof data === 'object' ? data : {};
  } catch {
    return { body: event.data ? event.data.text() : '' };
  }
}

self.addEventListener('push', (event) => {
  const message = messageOf(event);
  const title = typeof message.title === 'string' && message.title ? message.title : 'Nimbus';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : '',
      tag: typeof message.tag === 'string' ? message.tag : undefined,
      // A newer push of the same alert alerts again rather than changing silently.
      renotify: typeof message.tag === 'string',
      icon: '/favicon.svg',
      data: { url: typeof message.url === 'string' ? message.url : '/notifications' },
    }),
  );
});

/** Only this origin's pages: a payload cannot send the user elsewhere. */
function targetOf(notification) {
  const url = new URL((notification.data && notification.data.url) || '/', self.location.origin);
  return url.origin === self.location.origin ? url.href : self.location.origin + '/';
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = targetOf(event.notification);
  event.waitUntil(
    (async () => {
      const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = tabs.find((c) => new URL(c.url).origin === self.location.origin);
      if (!tab) return self.clients.openWindow(target);
      await tab.focus();
      if (tab.url === target) return undefined;
      return tab.navigate(target).catch(() => self.clients.openWindow(target));
    })(),
  );
});
