import type { CookieOptions } from 'express';
import type { RateLimiters } from '../../http/rate-limits';
import type { Reply, Routes } from '../../http/route';
import type { AuthService, Session } from './auth.service';
import * as s from './auth.schemas';
import { REFRESH_TOKEN_TTL_DAYS } from './tokens';

export const REFRESH_COOKIE = 'nimbus_refresh';
export const AUTH_PATH = '/api/v1/auth';

interface Deps {
  auth: AuthService;
  limits: RateLimiters;
  secureCookies: boolean;
}

/**
 * Routes under /api/v1/auth. Signing up, in and out is public; `me` and a password change are
 * a signed-in user's (the helper signs them in after their `before`: see app.ts).
 */
export function authRoutes(r: Routes, { auth, limits, secureCookies }: Deps) {
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    path: AUTH_PATH,
  };
  /** A new session: the refresh token also as an http-only cookie, never cached. */
  const started = (reply: Reply, session: Session) => {
    reply.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...cookie,
      maxAge: REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000,
    });
    reply.setHeader('Cache-Control', 'no-store');
    return session;
  };
  const presentedRefresh = (body: { refreshToken?: string }, cookies: Record<string, string>) =>
    body.refreshToken ?? cookies?.[REFRESH_COOKIE];

  // The per-IP limit guards the credential endpoints; refresh, me and logout are ordinary
  // traffic of a signed-in SPA (an office behind one IP refreshes all day).
  const credentials = limits.auth;

  r.public(
    'post',
    '/register',
    { before: [credentials], body: s.registerBody, status: 201 },
    async ({ body, reply }) => started(reply, await auth.register(body)),
  );
  r.public(
    'post',
    '/login',
    { before: [credentials, limits.loginFailures], body: s.loginBody },
    async ({ body, reply }) => started(reply, await auth.login(body.email, body.password)),
  );
  r.public('post', '/refresh', { body: s.refreshBody }, async ({ body, req, reply }) => {
    try {
      return started(reply, await auth.refresh(presentedRefresh(body, req.cookies)));
    } catch (err) {
      reply.clearCookie(REFRESH_COOKIE, cookie);
      throw err;
    }
  });
  r.public(
    'post',
    '/logout',
    { body: s.refreshBody, status: 204 },
    async ({ body, req, reply }) => {
      await auth.logout(presentedRefresh(body, req.cookies));
      reply.clearCookie(REFRESH_COOKIE, cookie);
    },
  );
  r.user('get', '/me', {}, ({ principal }) => auth.me(principal.userId));
  r.public(
    'post',
    '/forgot-password',
    { before: [credentials], body: s.forgotPasswordBody, status: 202 },
    async ({ body }) => {
      await auth.forgotPassword(body.email);
      return { message: 'If an account exists for this e-mail, a reset link is on its way' };
    },
  );
  r.public(
    'post',
    '/reset-password',
    { before: [credentials], body: s.resetPasswordBody, status: 204 },
    async ({ body }) => {
      await auth.resetPassword(body.token, body.newPassword);
    },
  );
  r.user(
    'post',
    '/change-password',
    { before: [credentials], body: s.changePasswordBody },
    async ({ body, principal, reply }) =>
      started(
        reply,
        await auth.changePassword(principal.userId, body.currentPassword, body.newPassword),
      ),
  );
}
