/*
 * Nimbus's service worker, built by vite-plugin-pwa (injectManifest) into dist/sw.js:
 * 1. keeps the app shell for offline use: Workbox precaches what the build made (index.html,
 *    every hashed JS/CSS chunk, so every lazy screen incl. the till, icons, the barcode
 *    reader's wasm), a new deploy being a new list (changed files fetched, old ones and old
 *    caches deleted); a page navigation goes to the network and, when it cannot answer (offline
 *    or no answer in NAVIGATION_TIMEOUT_MS), gets the precached index.html, so `/…/sales/new`
 *    opens offline after one visit online. API requests are never answered from here: the SPA
 *    keeps what it needs offline itself (the till's catalogue and outbox in IndexedDB).
 * 2. shows Web Push notifications (the server's payload: title, body, url, tag) and, on a
 *    click, focuses a Nimbus tab on the thing or opens one.
 * Served from the root (scope `/`) with `Cache-Control: no-cache`, so a new version is picked
 * up on the next visit; it takes over at once (skipWaiting), as the old shell's chunks stay in
 * the page that loaded them.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

const NAVIGATION_TIMEOUT_MS = 4000;

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

/** Paths the server answers itself, never the SPA (downloads, the API, probes). */
const serverOwned = (url) => /^\/(api|health|sw\.js)(\/|$|\?)/.test(url.pathname);

async function shellFallback(request) {
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const answer = await Promise.race([fetch(request), timeout]);
    if (answer) return answer;
  } catch {
    // Offline: the shell below.
  }
  return (await matchPrecache('/index.html')) ?? fetch(request);
}

registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' && url.origin === self.location.origin && !serverOwned(url),
  ({ request }) => shellFallback(request),
);

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
