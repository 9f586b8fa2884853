import type { User } from './api/types';

/** What one tab tells the others: a new access token, a sign-out, a change to queued sales. */
export type TabMessage =
  | { type: 'session'; user: User; accessToken: string; expiresAt: number }
  | { type: 'signed-out' }
  | { type: 'sale-outbox-changed' };

// Same-origin tabs only; absent in very old browsers, where each tab simply keeps its own.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('nimbus-tabs') : null;

export function tellOtherTabs(message: TabMessage): void {
  channel?.postMessage(message);
}

export function listenToOtherTabs(handler: (message: TabMessage) => void): void {
  channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => handler(event.data));
}

/**
 * Runs `task` while no other tab of this origin runs a task under the same name. Web Locks need
 * a secure context (HTTPS or localhost); a plain-HTTP install runs the task at once and relies on
 * the server's refresh grace window instead.
 */
export function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  // The lock's promise settles with the task's result; only its type says Promise<Promise<T>>.
  return navigator.locks.request(name, () => task()) as Promise<T>;
}
