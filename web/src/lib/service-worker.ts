import { SERVICE_WORKER_URL } from './web-push';

/**
 * Registers Nimbus's service worker (src/sw.js, built to /sw.js) on every page load of a
 * production build: it keeps the app shell for offline use (the till opens with no
 * connection after one visit) and shows Web Push notifications. A new deploy's worker is
 * fetched on the next navigation, precaches the new build and takes over at once, deleting
 * the old build's files; the next page load is the new version.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => {
      // No service worker (a private window, a browser setting): the app works online only.
    });
  });
}
