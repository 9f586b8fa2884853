import { useSyncExternalStore } from 'react';

/** Why a toast went away: its time ran out, the user closed it or took its action, or the app did. */
export type CloseReason = 'timeout' | 'dismiss' | 'action' | 'flush' | 'discard';

export interface ToastInput {
  message: string;
  tone?: 'info' | 'error';
  /** A button on the toast, e.g. Undo; taking it closes the toast with reason `action`. */
  action?: { label: string; run: () => void };
  /** How long it stays, in ms; the clock stops while it is pointed at or focused. */
  duration?: number;
  onClose?: (reason: CloseReason) => void;
}

export interface Toast extends ToastInput {
  id: number;
}

interface Clock {
  remaining: number;
  startedAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

let toasts: readonly Toast[] = [];
const clocks = new Map<number, Clock>();
const listeners = new Set<() => void>();
let nextId = 1;

function emit(next: readonly Toast[]): void {
  toasts = next;
  listeners.forEach((listener) => listener());
}

function start(id: number): void {
  const clock = clocks.get(id);
  if (!clock || clock.timer) return;
  clock.startedAt = Date.now();
  clock.timer = setTimeout(() => closeToast(id, 'timeout'), clock.remaining);
}

/** Shows a toast; at most a few stay, the oldest going first (as if its time had run out). */
export function showToast(input: ToastInput): number {
  const id = nextId++;
  const toast: Toast = { tone: 'info', duration: 6000, ...input, id };
  clocks.set(id, { remaining: toast.duration!, startedAt: Date.now() });
  emit([...toasts, toast]);
  start(id);
  for (const old of toasts.slice(0, Math.max(0, toasts.length - 3))) closeToast(old.id, 'timeout');
  return id;
}

export function closeToast(id: number, reason: CloseReason): void {
  const toast = toasts.find((t) => t.id === id);
  if (!toast) return;
  clearTimeout(clocks.get(id)?.timer);
  clocks.delete(id);
  emit(toasts.filter((t) => t.id !== id));
  toast.onClose?.(reason);
}

export function takeToastAction(id: number): void {
  const toast = toasts.find((t) => t.id === id);
  toast?.action?.run();
  closeToast(id, 'action');
}

export function pauseToast(id: number): void {
  const clock = clocks.get(id);
  if (!clock?.timer) return;
  clearTimeout(clock.timer);
  clock.timer = undefined;
  clock.remaining = Math.max(0, clock.remaining - (Date.now() - clock.startedAt));
}

export function resumeToast(id: number): void {
  start(id);
}

/** Closes every toast at once, e.g. before signing out (`flush`) or after it (`discard`). */
export function closeAllToasts(reason: CloseReason): void {
  for (const toast of toasts) closeToast(toast.id, reason);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
