/**
 * This browser's side of Web Push: whether it can, whether the user let it, the service
 * worker (`/sw.js`) and its push subscription. No API calls: the notifications feature sends
 * what these give to the server.
 */

export const SERVICE_WORKER_URL = '/sw.js';

/** What this browser can do about push, before asking the server anything. */
export type PushSupport = 'unsupported' | 'blocked' | 'allowed' | 'ask';

/**
 * A VAPID key as the server gives it (base64url, padding optional) as the bytes
 * `pushManager.subscribe` wants for `applicationServerKey`.
 */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(value)) throw new Error('Not base64url');
  const base64 = value.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether two keys (a subscription's `applicationServerKey` and the server's) are the same. */
export function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const left = new Uint8Array(a);
  return left.every((byte, i) => byte === b[i]);
}

export function pushSupport(): PushSupport {
  if (
    typeof window === 'undefined' ||
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window) ||
    !window.isSecureContext
  ) {
    return 'unsupported';
  }
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' ? 'allowed' : 'ask';
}

/** The registration of the Nimbus service worker, registering it when it is not yet. */
export async function serviceWorker(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (!existing) await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  return navigator.serviceWorker.ready;
}

/** This browser's push subscription, if it has one (no registration made to find out). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() === 'unsupported') return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Asks for permission (when not yet given), then subscribes this browser with the server's
 * key; a subscription made for another key (the server's keys changed) is replaced.
 */
export async function subscribeBrowser(publicKey: string): Promise<PushSubscription> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushBlockedError(permission);
  const registration = await serviceWorker();
  const key = base64UrlToBytes(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing && sameKey(existing.options.applicationServerKey, key)) return existing;
  await existing?.unsubscribe();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

/**
 * Ends this browser's push subscription: the server is told first (`forget`, so nothing more
 * is sent to it), then the browser.
 */
export async function unsubscribeBrowser(
  forget: (endpoint: string) => Promise<unknown>,
): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await forget(subscription.endpoint);
  await subscription.unsubscribe();
}

/** The user did not allow notifications (`denied`, or dismissed the prompt: `default`). */
export class PushBlockedError extends Error {
  constructor(readonly permission: NotificationPermission) {
    super(
      permission === 'denied'
        ? 'Notifications are blocked for this site: allow them in the browser’s site settings.'
        : 'Notifications were not allowed.',
    );
  }
}
