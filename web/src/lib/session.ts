import { useSyncExternalStore } from 'react';
import type { AuthSession, User } from './api/types';
import { queryClient } from './query-client';
import { listenToOtherTabs, tellOtherTabs } from './tab-channel';

// The access token lives only in this module's memory; the refresh token stays in the
// HTTP-only cookie, so a page reload restores the session through POST /auth/refresh.
// Tabs share one cookie, so they share the session too: a tab that gets a new access token
// hands it to the others, and signing out in one tab signs out all of them.
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
  const next = {
    user: session.user,
    accessToken: session.accessToken,
    expiresAt: Date.now() + session.expiresIn * 1000,
  };
  emit({ status: 'authenticated', ...next });
  // Never the refresh token: it stays in the cookie.
  tellOtherTabs({ type: 'session', ...next });
}

export function clearSession(reason?: SignOutReason): void {
  lastStoreId = undefined;
  emit({ status: 'anonymous', reason });
  if (reason === 'signed-out') tellOtherTabs({ type: 'signed-out' });
}

listenToOtherTabs((message) => {
  if (message.type === 'signed-out') {
    if (state.status === 'anonymous') return;
    lastStoreId = undefined;
    emit({ status: 'anonymous', reason: 'signed-out' });
    queryClient.clear();
    return;
  }
  if (message.type !== 'session') return;
  // Another user signed in elsewhere (the cookie is theirs now): nothing cached is ours.
  if (state.status === 'authenticated' && state.user.id !== message.user.id) queryClient.clear();
  const { user, accessToken, expiresAt } = message;
  emit({ status: 'authenticated', user, accessToken, expiresAt });
});

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
