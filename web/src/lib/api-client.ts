import axios, { isAxiosError, type InternalAxiosRequestConfig } from 'axios';
import type { AuthSession, SuccessEnvelope } from './api-types';
import { queryClient } from './query-client';
import { clearSession, getAccessToken, getSession, setSession } from './session';

const baseURL = '/api/v1';

/** The one axios instance every feature uses. */
export const api = axios.create({ baseURL, withCredentials: true });

// Refresh goes through its own bare instance: no interceptors, so it can never loop.
const refreshClient = axios.create({ baseURL, withCredentials: true });

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

/** Exchanges the refresh cookie for a new access token; concurrent callers share one call. */
export function refreshSession(): Promise<string> {
  refreshInFlight ??= refreshClient
    .post<SuccessEnvelope<AuthSession>>('/auth/refresh', {})
    .then((res) => {
      setSession(res.data.data);
      return res.data.data.accessToken;
    })
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

let restoring: Promise<void> | null = null;

/** Run once on app start: the cookie may still hold a valid refresh token. */
export function restoreSession(): Promise<void> {
  restoring ??= refreshSession().then(
    () => undefined,
    () => clearSession(),
  );
  return restoring;
}

function endSession(): void {
  clearSession('expired');
  queryClient.clear();
}

api.interceptors.request.use((config: TrackedConfig) => {
  const token = getAccessToken();
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  config.sentToken = token;
  return config;
});

api.interceptors.response.use(undefined, async (error: unknown) => {
  if (!isAxiosError(error) || error.response?.status !== 401 || !error.config) throw error;
  const config = error.config as TrackedConfig;
  const path = config.url ?? '';
  if (config.retried || NO_REFRESH.some((p) => path.startsWith(p))) throw error;
  if (getSession().status !== 'authenticated') throw error;
  config.retried = true;

  let token = getAccessToken();
  // Another request may already have renewed the token after this one was sent.
  if (!token || token === config.sentToken) {
    try {
      token = await refreshSession();
    } catch {
      endSession();
      throw error;
    }
  }
  config.headers.set('Authorization', `Bearer ${token}`);
  return api(config);
});
