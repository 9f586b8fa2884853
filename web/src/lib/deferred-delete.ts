import { useSyncExternalStore } from 'react';
import type { AxiosRequestConfig } from 'axios';
import { toApiError } from './api-error';
import { subscribeSession, getSession } from './session';
import { closeAllToasts, showToast } from './toasts';

/*
 * Undo for deletes: a delete is not sent at once. The thing disappears from its list and a toast
 * offers Undo for a few seconds; only when that time is up (or the toast is closed, the tab is
 * closing, or the user signs out) is the DELETE sent. Undo simply never sends it, so nothing is
 * deleted and then re-created: ids, history and links stay exactly as they were.
 */

/** How long a delete waits for Undo. */
export const UNDO_WINDOW_MS = 5000;

/** A request that still reaches the server when the tab closes in the middle of it. */
export const KEEPALIVE: AxiosRequestConfig = {
  adapter: 'fetch',
  fetchOptions: { keepalive: true },
};

let pending: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
const sending = new Set<Promise<unknown>>();

function setPending(next: ReadonlySet<string>): void {
  pending = next;
  listeners.forEach((listener) => listener());
}

function without(id: string): ReadonlySet<string> {
  const next = new Set(pending);
  next.delete(id);
  return next;
}

interface DeferredDelete {
  /** The id of what is deleted: lists leave it out while the delete is pending. */
  id: string;
  /** What the toast says, e.g. `Deleted product “Lemonade”.` */
  message: string;
  /** What is deleted, for the messages after Undo or a failure: `“Lemonade”`. */
  subject: string;
  /** Sends the DELETE (with KEEPALIVE, so a closing tab still sends it). */
  send: () => Promise<void>;
  /** After the server has deleted it: refresh what showed it. */
  onDeleted: () => Promise<unknown>;
}

export function deferDelete({ id, message, subject, send, onDeleted }: DeferredDelete): void {
  setPending(new Set(pending).add(id));
  showToast({
    message,
    duration: UNDO_WINDOW_MS,
    action: {
      label: 'Undo',
      run: () => {
        setPending(without(id));
        showToast({ message: `Restored ${subject}.`, duration: 4000 });
      },
    },
    onClose: (reason) => {
      if (reason === 'action') return;
      if (reason === 'discard') {
        setPending(without(id));
        return;
      }
      const request = send()
        .then(onDeleted)
        .catch((error: unknown) => {
          showToast({
            tone: 'error',
            message: `Could not delete ${subject}: ${toApiError(error).message}`,
            duration: 10_000,
          });
        })
        .finally(() => {
          sending.delete(request);
          setPending(without(id));
        });
      sending.add(request);
    },
  });
}

/** Sends every delete still waiting for Undo now, and resolves once the server has answered. */
export async function flushDeferredDeletes(): Promise<void> {
  closeAllToasts('flush');
  await Promise.allSettled([...sending]);
}

// A closing tab sends what is pending (the requests are keepalive); a session that has already
// ended can send nothing, so what was pending stays undeleted.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => closeAllToasts('flush'));
  subscribeSession(() => {
    if (getSession().status !== 'authenticated') closeAllToasts('discard');
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ids whose delete is waiting for Undo or on its way: lists hide them. */
export function usePendingDeletes(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => pending);
}
