import { useSyncExternalStore } from 'react';
import { isAxiosError } from 'axios';
import { createStore, del, set, values } from 'idb-keyval';
import { toApiError } from '@/lib/api-error';
import { outcomeUnknown } from '@/lib/idempotency';
import { subscribeNetworkStatus, getNetworkStatus } from '@/lib/network-status';
import { queryClient } from '@/lib/query-client';
import { getSession, subscribeSession } from '@/lib/session';
import { listenToOtherTabs, tellOtherTabs, withTabLock } from '@/lib/tab-channel';
import { createSale, refreshAfterSale } from './create-sale';
import type { QueuedSale, Sale } from './types';

// Sales rung up while the server cannot be reached wait in IndexedDB (they survive a reload or
// a closed tab) and are sent, oldest first, with the Idempotency-Key they were first sent with:
// if an earlier attempt did reach the server, it answers that first result and sells nothing
// twice. One tab sends at a time (a Web Lock); the others hear about it and re-read the queue.
const db = createStore('nimbus-sale-outbox', 'sales');
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 20_000, 30_000];

interface OutboxState {
  sales: QueuedSale[];
  /** The last queued sale the server recorded, for the till to confirm. */
  lastSent?: { storeId: string; sale: Sale; provisionalNumber?: string };
}

let state: OutboxState = { sales: [] };
const listeners = new Set<() => void>();
let sending: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failedAttempts = 0;

function emit(next: Partial<OutboxState>): void {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

async function reload(): Promise<void> {
  const sales = await values<QueuedSale>(db);
  emit({ sales: sales.sort((a, b) => a.queuedAt - b.queuedAt) });
}

function changed(): Promise<void> {
  tellOtherTabs({ type: 'sale-outbox-changed' });
  return reload();
}

// Signed out, rate-limited or not answered: the sale is fine, the moment is not.
function worthRetrying(error: unknown): boolean {
  const status = isAxiosError(error) ? error.response?.status : undefined;
  return outcomeUnknown(error) || status === 401 || status === 408 || status === 429;
}

/**
 * Sends the sale with the provisional number its receipt carried, for the server to keep. A
 * first attempt that reached the server before the till gave up on it was sent without one:
 * the key then names another body (422 IDEMPOTENCY_KEY_REUSED), and the sale as first sent
 * answers the sale that attempt made.
 */
async function sendOne(sale: QueuedSale): Promise<Sale> {
  const { input, idempotencyKey, provisionalNumber } = sale;
  try {
    return await createSale(sale.storeId, {
      input: provisionalNumber ? { ...input, provisionalNumber } : input,
      idempotencyKey,
    });
  } catch (error) {
    if (!provisionalNumber || toApiError(error).code !== 'IDEMPOTENCY_KEY_REUSED') throw error;
    return createSale(sale.storeId, { input, idempotencyKey });
  }
}

async function sendEach(userId: string): Promise<'done' | 'later'> {
  // Read inside the lock: another tab may have sent some of them meanwhile.
  const queued = (await values<QueuedSale>(db))
    .filter((sale) => sale.userId === userId && !sale.refusal)
    .sort((a, b) => a.queuedAt - b.queuedAt);
  for (const sale of queued) {
    try {
      const recorded = await sendOne(sale);
      await del(sale.idempotencyKey, db);
      emit({
        lastSent: {
          storeId: sale.storeId,
          sale: recorded,
          provisionalNumber: sale.provisionalNumber,
        },
      });
      void refreshAfterSale(queryClient, sale.storeId, recorded);
    } catch (error) {
      if (worthRetrying(error)) return 'later';
      await set(sale.idempotencyKey, { ...sale, refusal: toApiError(error).message }, db);
    }
  }
  return 'done';
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  const delay = RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length - 1)];
  failedAttempts += 1;
  retryTimer = setTimeout(() => void sendQueuedSales(), delay);
}

/** Sends what is waiting, if anything and if someone is signed in to send it as. */
export function sendQueuedSales(): Promise<void> {
  const session = getSession();
  // An ended session sends nothing until its user signs in again (then this runs again).
  if (session.status !== 'authenticated' || session.expired) return Promise.resolve();
  sending ??= withTabLock('nimbus-sale-outbox', () => sendEach(session.user.id))
    .then(
      (outcome) => {
        if (outcome === 'later') return scheduleRetry();
        failedAttempts = 0;
        clearTimeout(retryTimer);
      },
      () => scheduleRetry(),
    )
    .finally(() => {
      sending = null;
      void changed();
    });
  return sending;
}

/** Keeps the sale on this device and starts sending it. */
export async function queueSale(sale: QueuedSale): Promise<void> {
  await set(sale.idempotencyKey, sale, db);
  await changed();
  failedAttempts = 0;
  void sendQueuedSales();
}

/** Takes a refused sale off the queue (the till may have taken its lines back). */
export async function removeQueuedSale(idempotencyKey: string): Promise<void> {
  await del(idempotencyKey, db);
  await changed();
}

let started = false;

/** Once per page: load the queue and send it whenever the connection or the user returns. */
export function startSaleOutbox(): void {
  if (started || typeof indexedDB === 'undefined') return;
  started = true;
  listenToOtherTabs((message) => {
    if (message.type === 'sale-outbox-changed') void reload();
  });
  subscribeNetworkStatus(() => {
    if (getNetworkStatus() !== 'online') return;
    failedAttempts = 0;
    void sendQueuedSales();
  });
  subscribeSession(() => void sendQueuedSales());
  void reload().then(sendQueuedSales);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getState = () => state;

/** The queue as this store's till shows it: its user's sales in this store. */
export function useSaleOutbox(storeId: string, userId: string | undefined) {
  const { sales, lastSent } = useSyncExternalStore(subscribe, getState, getState);
  const mine = sales.filter((s) => s.storeId === storeId && s.userId === userId);
  return {
    waiting: mine.filter((s) => !s.refusal),
    refused: mine.filter((s) => s.refusal),
    lastSent: lastSent?.storeId === storeId ? lastSent : undefined,
  };
}
