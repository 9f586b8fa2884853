import type { RateLimiters } from '../../../http/rate-limits';
import type { Routes } from '../../../http/route';
import { createApprovalBody } from './approvals.schemas';
import type { ApprovalsService } from './approvals.service';

/**
 * Routes under /api/v1/stores/:storeId: a manager approves the caller's void, refund or
 * discount on the caller's till. People only; wrong passwords and PINs count as failed
 * sign-ins (per IP and e-mail), and five wrong PINs in a row lock the PIN.
 */
export function approvalsRoutes(
  r: Routes,
  { approvals, limits }: { approvals: ApprovalsService; limits: RateLimiters },
) {
  r.store(
    'post',
    '/approvals',
    {
      permission: 'inventory:write',
      people: true,
      before: [limits.loginFailures],
      body: createApprovalBody,
      status: 201,
    },
    ({ ctx, body }) => approvals.create(ctx, body),
  );
}
