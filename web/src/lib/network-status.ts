import { useSyncExternalStore } from 'react';

/**
 * Whether the server can be reached: the browser's own idea (`navigator.onLine`, which only
 * knows about the local link) and what requests actually found (no answer at all).
 */
export type NetworkStatus = 'online' | 'offline' | 'unreachable';

const PROBE_URL = '/api/v1/health/liveness';
const PROBE_EVERY_MS = 5_000;

let browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
let serverUnreachable = false;
let probe: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function current(): NetworkStatus {
  if (!browserOnline) return 'offline';
  return serverUnreachable ? 'unreachable' : 'online';
}

let status = current();

function update(): void {
  const next = current();
  if (next === status) return;
  status = next;
  listeners.forEach((listener) => listener());
}

// While requests find nobody, ask the server now and then, so the banner goes away by itself.
function scheduleProbe(): void {
  if (probe) return;
  probe = setTimeout(async () => {
    probe = undefined;
    try {
      await fetch(PROBE_URL, { cache: 'no-store' });
      reportAnswer();
    } catch {
      if (serverUnreachable) scheduleProbe();
    }
  }, PROBE_EVERY_MS);
}

/** A request got no answer at all (no connection, DNS, refused, timed out). */
export function reportNoAnswer(): void {
  serverUnreachable = true;
  update();
  scheduleProbe();
}

/** Any answer, even an error status, proves the server is there. */
export function reportAnswer(): void {
  if (!serverUnreachable) return;
  serverUnreachable = false;
  update();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    browserOnline = true;
    update();
  });
  window.addEventListener('offline', () => {
    browserOnline = false;
    update();
  });
}

export function getNetworkStatus(): NetworkStatus {
  return status;
}

export function subscribeNetworkStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNetworkStatus(): NetworkStatus {
  return useSyncExternalStore(subscribeNetworkStatus, getNetworkStatus, getNetworkStatus);
}
