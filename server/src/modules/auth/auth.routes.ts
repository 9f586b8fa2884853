import { Router, type CookieOptions, type Request, type Response } from 'express';
import { ok } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import type { RateLimiters } from '../../http/rate-limits';
import { validate } from '../../http/validate';
import type { AuthService, Session } from './auth.service';
import * as s from './auth.schemas';
import { REFRESH_TOKEN_TTL_DAYS } from './tokens';

export const REFRESH_COOKIE = 'nimbus_refresh';
export const AUTH_PATH = '/api/v1/auth';

interface Deps {
  auth: AuthService;
  guards: Guards;
  limits: RateLimiters;
  secureCookies: boolean;
}

export function authRouter({ auth, guards, limits, secureCookies }: Deps) {
  const cookie: CookieOptions = {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    path: AUTH_PATH,
  };
  const sendSession = (req: Request, res: Response, status: number, session: Session) => {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...cookie,
      maxAge: REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).json(ok(req, session));
  };
  const presentedRefresh = (req: Request): string | undefined =>
    req.body?.refreshToken ?? req.cookies?.[REFRESH_COOKIE];

  const router = Router();
  // The per-IP limit guards the credential endpoints; refresh, me and logout are ordinary
  // traffic of a signed-in SPA (an office behind one IP refreshes all day).
  const credentials = limits.auth;
  const signedIn = [guards.requireAuth, limits.api];

  router.post('/register', credentials, validate({ body: s.registerBody }), async (req, res) =>
    sendSession(req, res, 201, await auth.register(req.body)),
  );
  router.post(
    '/login',
    credentials,
    limits.loginFailures,
    validate({ body: s.loginBody }),
    async (req, res) =>
      sendSession(req, res, 200, await auth.login(req.body.email, req.body.password)),
  );
  router.post('/refresh', validate({ body: s.refreshBody }), async (req, res) => {
    try {
      sendSession(req, res, 200, await auth.refresh(presentedRefresh(req)));
    } catch (err) {
      res.clearCookie(REFRESH_COOKIE, cookie);
      throw err;
    }
  });
  router.post('/logout', validate({ body: s.refreshBody }), async (req, res) => {
    await auth.logout(presentedRefresh(req));
    res.clearCookie(REFRESH_COOKIE, cookie).status(204).end();
  });
  router.get('/me', ...signedIn, async (req, res) => {
    res.json(ok(req, await auth.me(req.principal!.userId)));
  });
  router.post(
    '/forgot-password',
    credentials,
    validate({ body: s.forgotPasswordBody }),
    async (req, res) => {
      await auth.forgotPassword(req.body.email);
      res
        .status(202)
        .json(
          ok(req, { message: 'If an account exists for this e-mail, a reset link is on its way' }),
        );
    },
  );
  router.post(
    '/reset-password',
    credentials,
    validate({ body: s.resetPasswordBody }),
    async (req, res) => {
      await auth.resetPassword(req.body.token, req.body.newPassword);
      res.status(204).end();
    },
  );
  router.post(
    '/change-password',
    credentials,
    ...signedIn,
    validate({ body: s.changePasswordBody }),
    async (req, res) =>
      sendSession(
        req,
        res,
        200,
        await auth.changePassword(
          req.principal!.userId,
          req.body.currentPassword,
          req.body.newPassword,
        ),
      ),
  );
  return router;
}
