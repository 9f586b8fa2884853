import { useSyncExternalStore } from 'react';
import type { AuthSession, User } from './api/types';

// The access token lives only in this module's memory; the refresh token stays in the
// HTTP-only cookie, so a page reload restores the session through POST /auth/refresh.
export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; reason?: SignOutReason }
  | { status: 'authenticated'; user: User; accessToken: string; expiresAt: number };

export type SignOutReason = 'expired' | 'signed-out';

let state: SessionState = { status: 'restoring' };
let lastStoreId: string | undefined;
const listeners = new Set<() => void>();

function emit(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | undefined {
  return state.status === 'authenticated' ? state.accessToken : undefined;
}

export function setSession(session: AuthSession): void {
  emit({
    status: 'authenticated',
    user: session.user,
    accessToken: session.accessToken,
    expiresAt: Date.now() + session.expiresIn * 1000,
  });
}

export function clearSession(reason?: SignOutReason): void {
  lastStoreId = undefined;
  emit({ status: 'anonymous', reason });
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

/** The store the user last worked in, remembered for this tab only. */
export function getLastStoreId(): string | undefined {
  return lastStoreId;
}

export function rememberStore(storeId: string | undefined): void {
  lastStoreId = storeId;
}
