import { rateLimit, ipKeyGenerator, type Store } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config';
import { RateLimitedError } from '../core/errors';

type Limits = Config['rateLimit'];

export interface RateLimiters {
  /** All auth endpoints, per IP. */
  auth: RequestHandler;
  /** Failed logins per IP + e-mail; a success does not count. */
  loginFailures: RequestHandler;
  /** Authenticated API, per user or API key. */
  api: RequestHandler;
  /** Heavy endpoints (imports, reports), per user or API key per minute. */
  heavy: RequestHandler;
}

const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
/** Per caller: an API key has its own counters, apart from the person who created it. */
const caller = (req: Request) =>
  req.principal?.apiKey ? `key:${req.principal.apiKey.id}` : (req.principal?.userId ?? ip(req));

function limiter(
  store: Store,
  limit: number,
  windowMs: number,
  key: (req: Request) => string,
  extra: { skipSuccessfulRequests?: boolean; message?: string } = {},
): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    store,
    keyGenerator: key,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // A dead Redis must not take the API down with it.
    passOnStoreError: true,
    skipSuccessfulRequests: extra.skipSuccessfulRequests ?? false,
    handler: (req) => {
      const info = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit;
      const reset = info?.resetTime?.getTime() ?? Date.now() + windowMs;
      throw new RateLimitedError((reset - Date.now()) / 1000, extra.message);
    },
  });
}

export function createRateLimiters(
  limits: Limits,
  storeFor: (name: string) => Store,
): RateLimiters {
  if (!limits.enabled) {
    const pass: RequestHandler = (_req, _res, next) => next();
    return { auth: pass, loginFailures: pass, api: pass, heavy: pass };
  }
  const w = limits.windowMs;
  return {
    auth: limiter(storeFor('auth'), limits.authMax, w, ip),
    loginFailures: limiter(
      storeFor('login'),
      limits.loginFailures,
      w,
      (req) =>
        `${ip(req)}|${String(req.body?.email ?? '')
          .trim()
          .toLowerCase()}`,
      {
        skipSuccessfulRequests: true,
        message: 'Too many failed sign-in attempts, try again later',
      },
    ),
    api: limiter(storeFor('api'), limits.apiMax, w, caller),
    heavy: limiter(storeFor('heavy'), limits.heavyMax, 60_000, caller, {
      message: 'Too many heavy requests (imports, reports), try again in a minute',
    }),
  };
}
