import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drop, reply, startLocalApi, type LocalApi, type Received } from '@/test/local-api';

// A page opened with no answer from the server (the till reloaded offline) carries on as the
// user last signed in on this device; once the server answers, the cookie renews the session.
// A refused renewal or a sign-out ends it as before. A real HTTP server plays the API.

const ana = {
  id: 'u-ana',
  email: 'ana@example.com',
  name: 'Ana',
  createdAt: '2025-01-01T00:00:00Z',
};
const me = { user: ana, memberships: [] };
const sessionOf = (accessToken: string) => ({
  user: ana,
  accessToken,
  refreshToken: 'in-the-cookie',
  expiresIn: 900,
});

async function openTab() {
  vi.resetModules();
  const session = await import('@/lib/session');
  const http = await import('@/lib/http');
  const { apiClient } = await import('@/lib/api-client');
  const { withOfflineCopy } = await import('@/lib/offline-copy');
  return { ...session, ...http, apiClient, withOfflineCopy };
}

let api: LocalApi | undefined;
let answering = true;
let refusing = false;
beforeEach(async () => {
  localStorage.clear();
  answering = true;
  refusing = false;
  api = await startLocalApi({
    'POST /api/v1/auth/refresh': (_r: Received, res) =>
      refusing
        ? reply(res, 401, { code: 'UNAUTHORIZED', message: 'Revoked' })
        : answering
          ? reply(res, 200, sessionOf('token-1'))
          : drop(res),
    'GET /api/v1/auth/me': (r: Received, res) =>
      !answering
        ? drop(res)
        : r.authorization === 'Bearer token-1'
          ? reply(res, 200, me)
          : reply(res, 401, { code: 'UNAUTHORIZED', message: 'expired' }),
  });
});
afterEach(async () => {
  await api?.close();
});

describe('opening a page offline', () => {
  it('carries on as the last user signed in here, with the kept answers, and renews the token once answered', async () => {
    const online = await openTab();
    await online.restoreSession();
    await expect(
      online.withOfflineCopy('me', () => online.apiClient.get('/auth/me')),
    ).resolves.toEqual(me);

    answering = false;
    const offline = await openTab();
    await offline.restoreSession();
    expect(offline.getSession()).toMatchObject({ status: 'authenticated', user: { id: 'u-ana' } });
    expect(offline.getAccessToken()).toBe('');
    // The screen's answers come from the device while the server is silent.
    await expect(
      offline.withOfflineCopy('me', () => offline.apiClient.get('/auth/me')),
    ).resolves.toEqual(me);

    // Back: the first request is refused (no token), renews from the cookie, and is answered.
    answering = true;
    await expect(offline.apiClient.get('/auth/me')).resolves.toEqual(me);
    expect(offline.getAccessToken()).toBe('token-1');
  });

  it('does not carry on after a sign-out, nor when the server refuses to renew', async () => {
    const online = await openTab();
    await online.restoreSession();
    await online.withOfflineCopy('me', () => online.apiClient.get('/auth/me'));
    online.clearSession('signed-out');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('nimbus-'))).toEqual([]);

    answering = false;
    const offline = await openTab();
    await offline.restoreSession();
    expect(offline.getSession()).toMatchObject({ status: 'anonymous' });

    // Signed in again; then the server ends the session: an answered refusal is no outage.
    const again = await openTab();
    await again.restoreSession();
    refusing = true;
    const refused = await openTab();
    await refused.restoreSession();
    expect(refused.getSession()).toMatchObject({ status: 'anonymous' });
  });
});
