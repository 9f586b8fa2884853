import { QueryObserver } from '@tanstack/react-query';
import { expect, vi } from 'vitest';
import { createLiveServer, type LiveServer, type LiveServerOptions } from './live-server';
import { reply, startLocalApi, type LocalApi, type Received, type Route } from './local-api';

// A tab of the SPA (fresh copies of its modules: session, http, live, the query cache) against
// a real HTTP + WebSocket server on loopback that plays the API.

export const STORE = '5a1e0000-0000-4000-8000-000000000001';
export const OTHER_STORE = '5a1e0000-0000-4000-8000-000000000002';

const ana = {
  id: 'u-ana',
  email: 'ana@example.com',
  name: 'Ana',
  createdAt: '2025-01-01T00:00:00Z',
};
export const sessionOf = (accessToken: string, user = ana, expiresIn = 900) => ({
  user,
  accessToken,
  refreshToken: 'in-the-cookie',
  expiresIn,
});

/** The API's auth: one valid access token at a time; `refuse` makes renewals fail. */
export interface AuthState {
  valid: string;
  refreshes: number;
  refuse?: boolean;
}

async function openTab() {
  vi.resetModules();
  return {
    ...(await import('@/lib/session')),
    ...(await import('@/lib/http')),
    ...(await import('@/lib/live')),
    ...(await import('@/lib/query-client')),
    ...(await import('@/lib/query-keys')),
  };
}

export type Tab = Awaited<ReturnType<typeof openTab>>;

export interface LiveSetup {
  api: LocalApi;
  server: LiveServer;
  tab: Tab;
  /** Requests the server got for a path (under /api/v1). */
  requests(path: string): Received[];
  /** Keeps a list of the store's data on screen (an active query); resolves once loaded. */
  show(key: readonly unknown[], path: string): Promise<void>;
  /** No invalidation waiting and nothing being fetched. */
  settled(): Promise<void>;
  /** The signed-in layout unmounts (its live connection stops) and, with `start`, mounts again. */
  stopLive(): void;
  startLive(): void;
  close(): Promise<void>;
}

/** Starts the servers and a signed-in tab whose live connection uses a short backoff. */
export async function openLiveTab(
  state: AuthState,
  options: Parameters<Tab['startLive']>[0] = {},
  serverOptions: LiveServerOptions = {},
): Promise<LiveSetup> {
  const server = createLiveServer(() => state.valid, serverOptions);
  const listed: Route = (request, res) =>
    request.authorization === `Bearer ${state.valid}`
      ? reply(res, 200, [])
      : reply(res, 401, { code: 'UNAUTHORIZED', message: 'The access token has expired' });
  const routes: Record<string, Route> = {
    'POST /api/v1/auth/refresh': (_request, res) => {
      state.refreshes += 1;
      if (state.refuse) return reply(res, 401, { code: 'UNAUTHORIZED', message: 'Revoked' });
      reply(res, 200, sessionOf(state.valid));
    },
    'GET /api/v1/auth/me': listed,
    'POST /api/v1/auth/logout': (_request, res) => void res.writeHead(204).end(),
  };
  for (const store of [STORE, OTHER_STORE])
    for (const list of ['products', 'sales', 'purchase-orders'])
      routes[`GET /api/v1/stores/${store}/${list}`] = listed;
  const api = await startLocalApi(routes, { socket: server.onSocket });
  const tab = await openTab();
  tab.setSession(sessionOf(state.valid));
  const start = () => tab.startLive({ backoff: { baseMs: 20, capMs: 160 }, ...options });
  let stop: (() => void) | undefined = start();
  const unobserve: (() => void)[] = [];
  const requests = (path: string) => api.received.filter((r) => r.path === `/api/v1${path}`);
  return {
    api,
    server,
    tab,
    requests,
    async show(queryKey, path) {
      const observer = new QueryObserver(tab.queryClient, {
        queryKey,
        queryFn: () => tab.api.get(path).then((res) => res.data as unknown),
      });
      unobserve.push(observer.subscribe(() => {}));
      await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    },
    async settled() {
      await vi.waitFor(() => {
        expect(tab.pendingInvalidations()).toBe(0);
        expect(tab.queryClient.isFetching()).toBe(0);
      });
    },
    stopLive() {
      stop?.();
      stop = undefined;
    },
    startLive() {
      stop ??= start();
    },
    async close() {
      unobserve.forEach((stopObserving) => stopObserving());
      stop?.();
      await api.close();
    },
  };
}
