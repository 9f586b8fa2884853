import type { TestApp } from './app';
import { DEFAULT_PASSWORD } from './factories';
import { hashToken } from '../modules/auth/tokens';

/**
 * The /api/v1/auth calls the auth tests make, against the test app `t` (read at call time, so
 * it may be filled in by beforeAll after this is called).
 */
export function authRequests(t: TestApp) {
  return {
    register: (body: object) => t.api.post('/api/v1/auth/register').send(body),
    login: (email: string, password = DEFAULT_PASSWORD) =>
      t.api.post('/api/v1/auth/login').send({ email, password }),
    me: (accessToken: string, app: TestApp = t) =>
      app.api.get('/api/v1/auth/me').set('Authorization', `Bearer ${accessToken}`),
    refresh: (refreshToken: string) => t.api.post('/api/v1/auth/refresh').send({ refreshToken }),
    logout: (refreshToken: string) => t.api.post('/api/v1/auth/logout').send({ refreshToken }),
    forgotPassword: (email: string) => t.api.post('/api/v1/auth/forgot-password').send({ email }),
    resetPassword: (token: string, newPassword: string) =>
      t.api.post('/api/v1/auth/reset-password').send({ token, newPassword }),
    changePassword: (accessToken: string, body: { currentPassword: string; newPassword: string }) =>
      t.api
        .post('/api/v1/auth/change-password')
        .set('Authorization', `Bearer ${accessToken}`)
        .send(body),
    /** Moves a token's rotation back in time, past the reuse grace window (10 s by default). */
    rotatedLongAgo: (refreshToken: string, app: TestApp = t) =>
      app.db.pool.query(
        `UPDATE refresh_tokens SET used_at = now() - interval '1 minute' WHERE token_hash = $1`,
        [hashToken(refreshToken)],
      ),
    refreshCookie: (res: { headers: Record<string, unknown> }) =>
      ([] as string[])
        .concat((res.headers['set-cookie'] as string[]) ?? [])
        .find((c) => c.startsWith('nimbus_refresh=')),
  };
}
