import axios, { isAxiosError, type InternalAxiosRequestConfig } from 'axios';
import { API_BASE } from './api/operations';
import type { AuthSession, Schemas } from './api/types';
import {
  getNetworkStatus,
  reportAnswer,
  reportNoAnswer,
  subscribeNetworkStatus,
} from './network-status';
import { queryClient } from './query-client';
import { noteServerTime } from './server-clock';
import {
  clearSession,
  getAccessToken,
  getSession,
  isSessionExpired,
  markSessionExpired,
  resumeOffline,
  setSession,
  waitForSignIn,
} from './session';
import { withTabLock } from './tab-channel';

const baseURL = API_BASE;

// The one axios instance every request goes through (features use it through `apiClient`, in
// api-client.ts): it sends the access token, renews it once for every request and tab that
// finds it expired, holds requests while the user signs in again, and tells the connection
// banner whether the server answers.

/** The one axios instance: bearer token, refresh on 401, session expiry, connection state. */
export const api = axios.create({ baseURL, withCredentials: true });

// Refresh goes through its own bare instance: no 401 handling, so it can never loop.
const refreshClient = axios.create({ baseURL, withCredentials: true });

/** The success envelope around every JSON answer. */
export type Envelope<T> = Omit<Schemas['SuccessEnvelope'], 'data'> & {
  data: T;
  pagination?: Schemas['Pagination'] | Schemas['CursorPagination'];
};

// A 401 from these means "wrong credentials or token", not "access token expired".
const NO_REFRESH = [
  '/auth/login',
  '/auth/register',
  '/auth/refresh',
  '/auth/forgot-password',
  '/auth/reset-password',
];

interface TrackedConfig extends InternalAxiosRequestConfig {
  sentToken?: string;
  retried?: boolean;
}

let refreshInFlight: Promise<string> | null = null;

// Refreshing rotates the cookie's token: two tabs sending the same one at once would look like
// token theft and end the session everywhere. So tabs take turns under one lock, and sign-out
// takes the same lock, so no refresh can slip in and keep a session it has just ended.
const SESSION_LOCK = 'nimbus-refresh';
// Another tab's token is taken over while it still has this long to live: enough for the
// retried request to arrive. It was minted a moment ago, so this holds for any configured TTL
// (a threshold above the TTL itself, as 5 s once was, made both tabs refresh when tokens are short).
const MIN_TOKEN_LIFE_MS = 1_000;

/** Exchanges the refresh cookie for a new access token; concurrent callers share one call. */
export function refreshSession(): Promise<string> {
  const stale = getAccessToken();
  refreshInFlight ??= withTabLock(SESSION_LOCK, async () => {
    // Another tab refreshed while this one waited for the lock and sent us its token.
    const current = getSession();
    if (
      current.status === 'authenticated' &&
      current.accessToken !== stale &&
      current.expiresAt - Date.now() > MIN_TOKEN_LIFE_MS
    ) {
      return current.accessToken;
    }
    const res = await refreshClient.post<Envelope<AuthSession>>('/auth/refresh', {});
    const session = res.data.data;
    setSession(session);
    return session.accessToken;
  }).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Ends the session on the server and in every tab, even when the server cannot be reached. */
export async function signOut(): Promise<void> {
  try {
    await withTabLock(SESSION_LOCK, () => refreshClient.post('/auth/logout', {}));
  } finally {
    clearSession('signed-out');
    queryClient.clear();
  }
}

/** A refresh that was answered and refused; a lost answer says nothing about the session. */
export function refusedRefresh(error: unknown): boolean {
  const status = isAxiosError(error) ? error.response?.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
}

let restoring: Promise<void> | null = null;

/**
 * Run once on app start: the cookie may still hold a valid refresh token. With no answer
 * (offline), the user last signed in on this device carries on (the till sells offline) and
 * the token is renewed when the connection returns.
 */
export function restoreSession(): Promise<void> {
  restoring ??= refreshSession().then(
    () => undefined,
    (error: unknown) => {
      if (refusedRefresh(error) || !resumeOffline()) return clearSession();
      const unsubscribe = subscribeNetworkStatus(() => {
        if (getNetworkStatus() !== 'online' || getAccessToken()) return;
        unsubscribe();
        refreshSession().catch((refused: unknown) => {
          if (refusedRefresh(refused)) markSessionExpired();
        });
      });
    },
  );
  return restoring;
}

const isAuthCall = (config: InternalAxiosRequestConfig) =>
  NO_REFRESH.some((p) => (config.url ?? '').startsWith(p));

// While the session waits for its user to sign in again, requests wait too (the sign-in itself
// goes through): they are sent with the new token, or fail if the session ends instead.
api.interceptors.request.use(async (config: TrackedConfig) => {
  if (isSessionExpired() && !isAuthCall(config)) await waitForSignIn();
  const token = getAccessToken();
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  config.sentToken = token;
  return config;
});

// Every answer (or its absence) tells the connection banner whether the server is there.
for (const client of [api, refreshClient]) {
  client.interceptors.response.use(
    (response) => {
      reportAnswer();
      noteServerTime(
        (response.data as { meta?: { timestamp?: unknown } } | undefined)?.meta?.timestamp,
      );
      return response;
    },
    (error: unknown) => {
      if (isAxiosError(error) && error.code !== 'ERR_CANCELED') {
        if (error.response) reportAnswer();
        else reportNoAnswer();
      }
      throw error;
    },
  );
}

api.interceptors.response.use(undefined, async (error: unknown) => {
  if (!isAxiosError(error) || error.response?.status !== 401 || !error.config) throw error;
  const config = error.config as TrackedConfig;
  if (config.retried || isAuthCall(config)) throw error;
  if (getSession().status !== 'authenticated') throw error;
  config.retried = true;

  let token = getAccessToken();
  // Another request may already have renewed the token after this one was sent.
  if (isSessionExpired() || !token || token === config.sentToken) {
    try {
      token = isSessionExpired() ? await waitForSignIn() : await refreshSession();
    } catch (refreshError) {
      if (!refusedRefresh(refreshError)) throw error;
      // The server has ended the session. The page stays as it is (a form, the till's sale)
      // under a sign-in dialog, and this request is sent again once the user is back.
      markSessionExpired();
      token = await waitForSignIn().catch(() => {
        throw error;
      });
    }
  }
  config.headers.set('Authorization', `Bearer ${token}`);
  return api(config);
});
