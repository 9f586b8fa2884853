import type { RateLimiters } from '../../http/rate-limits';
import type { Routes } from '../../http/route';
import type { AuthService } from './auth.service';
import * as s from './auth.schemas';

/**
 * The caller's own profile, under /api/v1/me: the answer is `GET auth/me`'s. Behind the per-IP
 * limit of the credential routes, as it checks a password.
 */
export function profileRoutes(
  r: Routes,
  { auth, limits }: { auth: AuthService; limits: RateLimiters },
) {
  r.user('patch', '/', { before: [limits.auth], body: s.profileBody }, ({ principal, body }) =>
    auth.updateProfile(principal.userId, body),
  );
}
