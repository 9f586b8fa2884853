import { ForbiddenError } from '../../core/errors';
import type { Principal } from '../../core/context';
import type { RateLimiters } from '../../http/rate-limits';
import type { Routes } from '../../http/route';
import type { ApprovalPins } from './approval-pins';
import type { AuthService } from './auth.service';
import * as s from './auth.schemas';

/** A person's own: an API key has no profile and no PIN. */
function person(principal: Principal) {
  if (principal.apiKey) throw new ForbiddenError('An API key has no profile: sign in as a person');
  return principal.userId;
}

/**
 * The caller's own profile, under /api/v1/me: the answer is `GET auth/me`'s. Behind the per-IP
 * limit of the credential routes, as it checks a password. Also the caller's approval PIN
 * (approval-pins.ts), which managers and admins approve employees' voids, refunds and
 * discounts with.
 */
export function profileRoutes(
  r: Routes,
  {
    auth,
    approvalPins,
    limits,
  }: { auth: AuthService; approvalPins: ApprovalPins; limits: RateLimiters },
) {
  r.user('patch', '/', { before: [limits.auth], body: s.profileBody }, ({ principal, body }) =>
    auth.updateProfile(principal.userId, body),
  );
  r.user('get', '/approval-pin', {}, ({ principal }) => approvalPins.status(person(principal)));
  r.user(
    'put',
    '/approval-pin',
    { before: [limits.auth], body: s.approvalPinBody },
    ({ principal, body }) => approvalPins.set(person(principal), body.pin, body.currentPassword),
  );
  r.user('delete', '/approval-pin', { status: 204 }, ({ principal }) =>
    approvalPins.remove(person(principal)),
  );
}
