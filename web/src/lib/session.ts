import { useSyncExternalStore } from 'react';
import type { AuthSession, User } from './api/types';
import { queryClient } from './query-client';
import { listenToOtherTabs, tellOtherTabs } from './tab-channel';

// The access token lives only in this module's memory; the refresh token stays in the
// HTTP-only cookie, so a page reload restores the session through POST /auth/refresh.
// Tabs share one cookie, so they share the session too: a tab that gets a new access token
// hands it to the others, and signing out in one tab signs out all of them.
//
// A session the server has ended (its refresh refused: revoked, expired, a password changed
// elsewhere) does not send anyone away from what they were doing: it is marked `expired`, a
// sign-in dialog opens over the page, requests wait (see api-client.ts), and the same user
// signing in again lets them go on with the new token.
export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; reason?: SignOutReason }
  | {
      status: 'authenticated';
      user: User;
      accessToken: string;
      expiresAt: number;
      /** The server refused to renew it: waiting for the same user to sign in again. */
      expired?: boolean;
    };

export type SignOutReason = 'expired' | 'signed-out';

let state: SessionState = { status: 'restoring' };
let lastStoreId: string | undefined;
const listeners = new Set<() => void>();

interface Waiter {
  userId: string;
  resolve: (token: string) => void;
  reject: (error: Error) => void;
}
let waiters: Waiter[] = [];

function emit(next: SessionState): void {
  state = next;
  settleWaiters();
  listeners.forEach((listener) => listener());
}

// Whoever waits for the session to come back gets the new token, or an error when it will not
// (signed out, or someone else signed in: work begun as one user is never sent as another).
function settleWaiters(): void {
  if (!waiters.length || (state.status === 'authenticated' && state.expired)) return;
  if (state.status === 'restoring') return;
  const settled = waiters;
  waiters = [];
  for (const waiter of settled) {
    if (state.status === 'authenticated' && state.user.id === waiter.userId) {
      waiter.resolve(state.accessToken);
    } else {
      waiter.reject(new Error('The session ended and was not resumed'));
    }
  }
}

/** The server refused to renew the session: keep the page, ask for the password again. */
export function markSessionExpired(): void {
  if (state.status === 'authenticated' && !state.expired) emit({ ...state, expired: true });
}

export function isSessionExpired(): boolean {
  return state.status === 'authenticated' && state.expired === true;
}

/**
 * Resolves with the access token once the session is usable again (at once when it is),
 * rejects when it ends instead.
 */
export function waitForSignIn(): Promise<string> {
  if (state.status !== 'authenticated') {
    return Promise.reject(new Error('Not signed in'));
  }
  if (!state.expired) return Promise.resolve(state.accessToken);
  const userId = state.user.id;
  return new Promise((resolve, reject) => waiters.push({ userId, resolve, reject }));
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | undefined {
  return state.status === 'authenticated' ? state.accessToken : undefined;
}

// The signed-in user, kept on this device so a page opened with no connection (the till,
// offline) can carry on as them: see resumeOffline. Forgotten on signing out.
const LAST_USER_KEY = 'nimbus-last-user';

function keepUser(user: User | undefined): void {
  try {
    if (user) {
      localStorage.setItem(LAST_USER_KEY, JSON.stringify(user));
      return;
    }
    localStorage.removeItem(LAST_USER_KEY);
    // And the answers kept for opening screens offline (lib/offline-copy.ts).
    Object.keys(localStorage)
      .filter((key) => key.startsWith('nimbus-offline:'))
      .forEach((key) => localStorage.removeItem(key));
  } catch {
    // No storage: the page needs the server to start, as before.
  }
}

/**
 * The page started with no answer from the server: carry on as the user last signed in on
 * this device, with no access token. Requests fail as the network does; the first answered
 * one is a 401 that renews the token from the cookie (http.ts), or, if the server ended the
 * session meanwhile, asks for the password. False when no one was signed in here.
 */
export function resumeOffline(): boolean {
  try {
    const raw = localStorage.getItem(LAST_USER_KEY);
    const user = raw ? (JSON.parse(raw) as User) : undefined;
    if (!user?.id) return false;
    emit({ status: 'authenticated', user, accessToken: '', expiresAt: 0 });
    return true;
  } catch {
    return false;
  }
}

export function setSession(session: AuthSession): void {
  keepUser(session.user);
  const next = {
    user: session.user,
    accessToken: session.accessToken,
    expiresAt: Date.now() + session.expiresIn * 1000,
  };
  emit({ status: 'authenticated', ...next });
  // Never the refresh token: it stays in the cookie.
  tellOtherTabs({ type: 'session', ...next });
}

/** The signed-in user's record changed (their profile): this tab and the others show it. */
export function setSessionUser(user: AuthSession['user']): void {
  if (state.status !== 'authenticated') return;
  const { accessToken, expiresAt } = state;
  emit({ status: 'authenticated', user, accessToken, expiresAt });
  tellOtherTabs({ type: 'session', user, accessToken, expiresAt });
}

export function clearSession(reason?: SignOutReason): void {
  lastStoreId = undefined;
  if (reason === 'signed-out') keepUser(undefined);
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
