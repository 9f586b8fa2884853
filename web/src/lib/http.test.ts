import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drop, reply, startLocalApi, type LocalApi, type Received } from '@/test/local-api';

// The session's transport (lib/http.ts) against a real HTTP server playing the API: the access
// token is renewed once for every request that finds it expired, requests wait while the user
// signs in again, and tabs hand each other the token. Each "tab" is a fresh copy of the
// modules (their state is per page); tabs talk over the real BroadcastChannel.

const ana = {
  id: 'u-ana',
  email: 'ana@example.com',
  name: 'Ana',
  createdAt: '2025-01-01T00:00:00Z',
};
const ben = {
  id: 'u-ben',
  email: 'ben@example.com',
  name: 'Ben',
  createdAt: '2025-01-01T00:00:00Z',
};
const sessionOf = (accessToken: string, user = ana) => ({
  user,
  accessToken,
  refreshToken: 'in-the-cookie',
  expiresIn: 900,
});
const me = { user: ana, memberships: [] };
const expired = { code: 'UNAUTHORIZED', message: 'The access token has expired' };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openTab() {
  vi.resetModules();
  const session = await import('@/lib/session');
  const http = await import('@/lib/http');
  const { apiClient } = await import('@/lib/api-client');
  return { ...session, ...http, apiClient };
}

/** The API's auth as far as these tests need it: one valid access token at a time. */
function auth(state: { valid: string; refreshes: number }, refresh?: (res: never) => void) {
  const guarded = (answer: unknown) => (request: Received, res: Parameters<typeof reply>[0]) =>
    request.authorization === `Bearer ${state.valid}`
      ? reply(res, 200, answer)
      : reply(res, 401, expired);
  return {
    'GET /api/v1/auth/me': guarded(me),
    'GET /api/v1/now': guarded({ ok: true }),
    'POST /api/v1/auth/refresh': async (_request: Received, res: Parameters<typeof reply>[0]) => {
      state.refreshes += 1;
      if (refresh) return refresh(res as never);
      await wait(30);
      reply(res, 200, sessionOf(state.valid));
    },
  };
}

let api: LocalApi | undefined;
beforeEach(() => {
  api = undefined;
});
afterEach(async () => {
  await api?.close();
});

describe('token refresh', () => {
  it('renews the token once for requests that find it expired and sends each again with it', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    api = await startLocalApi(auth(state));
    const tab = await openTab();
    tab.setSession(sessionOf('token-0'));

    const answers = await Promise.all([
      tab.apiClient.get('/auth/me'),
      tab.apiClient.get('/auth/me'),
      tab.apiClient.get('/auth/me'),
    ]);

    expect(answers).toEqual([me, me, me]);
    expect(state.refreshes).toBe(1);
    expect(tab.getAccessToken()).toBe('token-1');
    const sent = api.received.filter((r) => r.path === '/api/v1/auth/me');
    expect(sent.map((r) => r.authorization).sort()).toEqual([
      ...Array(3).fill('Bearer token-0'),
      ...Array(3).fill('Bearer token-1'),
    ]);
  });

  it('does not renew again for a request sent before another request renewed the token', async () => {
    const state = { valid: 'token-0', refreshes: 0 };
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    api = await startLocalApi({
      ...auth(state),
      // Answers late: by then the token it was sent with has been replaced.
      'GET /api/v1/held': async (request, res) => {
        await released;
        if (request.authorization === `Bearer ${state.valid}`) reply(res, 200, { held: true });
        else reply(res, 401, expired);
      },
    });
    const tab = await openTab();
    tab.setSession(sessionOf('token-0'));

    const held = tab.api.get('/held');
    await vi.waitFor(() => expect(api?.received.some((r) => r.path === '/api/v1/held')).toBe(true));
    state.valid = 'token-1';
    await expect(tab.apiClient.get('/auth/me')).resolves.toEqual(me);
    release();

    await expect(held).resolves.toMatchObject({ status: 200, data: { data: { held: true } } });
    expect(state.refreshes).toBe(1);
    expect(
      api.received.filter((r) => r.path === '/api/v1/held').map((r) => r.authorization),
    ).toEqual(['Bearer token-0', 'Bearer token-1']);
  });

  it('keeps a request waiting when the server refuses to renew, and sends it once the same user signs in again', async () => {
    const state = { valid: 'token-9', refreshes: 0 };
    api = await startLocalApi(
      auth(state, (res) => reply(res, 401, { code: 'UNAUTHORIZED', message: 'Revoked' })),
    );
    const tab = await openTab();
    tab.setSession(sessionOf('token-0'));

    const waiting = tab.apiClient.get('/auth/me');
    await vi.waitFor(() => expect(tab.isSessionExpired()).toBe(true));
    expect(tab.getSession()).toMatchObject({ status: 'authenticated', user: { id: 'u-ana' } });
    expect(api.received.filter((r) => r.path === '/api/v1/auth/me')).toHaveLength(1);

    tab.setSession(sessionOf('token-9'));

    await expect(waiting).resolves.toEqual(me);
    expect(api.received.at(-1)).toMatchObject({
      path: '/api/v1/auth/me',
      authorization: 'Bearer token-9',
    });
    expect(state.refreshes).toBe(1);
  });

  it('never sends work begun as one user as another who signs in instead', async () => {
    const state = { valid: 'token-ben', refreshes: 0 };
    api = await startLocalApi(
      auth(state, (res) => reply(res, 401, { code: 'UNAUTHORIZED', message: 'Revoked' })),
    );
    const tab = await openTab();
    tab.setSession(sessionOf('token-0'));

    const waiting = tab.apiClient.get('/auth/me');
    await vi.waitFor(() => expect(tab.isSessionExpired()).toBe(true));
    tab.setSession(sessionOf('token-ben', ben));

    await expect(waiting).rejects.toMatchObject({ response: { status: 401 } });
    expect(api.received.filter((r) => r.path === '/api/v1/auth/me')).toHaveLength(1);
  });

  it('fails the request but keeps the session when the renewal gets no answer', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    api = await startLocalApi(auth(state, (res) => drop(res)));
    const tab = await openTab();
    tab.setSession(sessionOf('token-0'));

    await expect(tab.apiClient.get('/auth/me')).rejects.toMatchObject({
      response: { status: 401 },
    });
    expect(tab.getSession()).toMatchObject({ status: 'authenticated', accessToken: 'token-0' });
    expect(tab.isSessionExpired()).toBe(false);
  });

  it('restores a session from the cookie once on start, however often it is asked', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    api = await startLocalApi(auth(state));
    const tab = await openTab();

    await Promise.all([tab.restoreSession(), tab.restoreSession()]);

    expect(state.refreshes).toBe(1);
    expect(tab.getSession()).toMatchObject({ status: 'authenticated', accessToken: 'token-1' });
  });

  it('starts signed out when the cookie holds no session', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    api = await startLocalApi(
      auth(state, (res) => reply(res, 401, { code: 'UNAUTHORIZED', message: 'No session' })),
    );
    const tab = await openTab();

    await tab.restoreSession();

    expect(tab.getSession()).toEqual({ status: 'anonymous', reason: undefined });
  });
});

describe('tabs', () => {
  it('hands a renewed token to the other tabs, which send with it without renewing again', async () => {
    const state = { valid: 'token-1', refreshes: 0 };
    api = await startLocalApi(auth(state));
    const first = await openTab();
    const second = await openTab();
    first.setSession(sessionOf('token-0'));
    await vi.waitFor(() => expect(second.getAccessToken()).toBe('token-0'));

    await first.refreshSession();
    await vi.waitFor(() => expect(second.getAccessToken()).toBe('token-1'));
    await expect(second.apiClient.get('/auth/me')).resolves.toEqual(me);

    expect(state.refreshes).toBe(1);
  });

  it('signs every tab out when one signs out, even when the server cannot be reached', async () => {
    api = await startLocalApi({ 'POST /api/v1/auth/logout': (_request, res) => drop(res) });
    const first = await openTab();
    const second = await openTab();
    first.setSession(sessionOf('token-0'));
    await vi.waitFor(() => expect(second.getAccessToken()).toBe('token-0'));

    await expect(first.signOut()).rejects.toBeDefined();

    expect(first.getSession()).toEqual({ status: 'anonymous', reason: 'signed-out' });
    await vi.waitFor(() =>
      expect(second.getSession()).toEqual({ status: 'anonymous', reason: 'signed-out' }),
    );
  });
});
