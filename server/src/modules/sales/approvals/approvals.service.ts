import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Db } from '../../../db/pool';
import type { Role } from '../../../core/access';
import { can } from '../../../core/access';
import type { StoreContext } from '../../../core/context';
import {
  ApprovalInvalidError,
  ApprovalRequiredError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type ErrorDetail,
} from '../../../core/errors';
import type { ApprovalPins } from '../../auth/approval-pins';
import type { UserReads } from '../../auth/auth.reads';
import * as repo from './approvals.repo';
import type { ApprovalAction } from './approvals.repo';
import type { CreateApprovalInput } from './approvals.schemas';

/** How long an approval may wait to be used. */
export const APPROVAL_TTL_SECONDS = 300;
/** The request header an approved action carries its approval's token in. */
export const APPROVAL_HEADER = 'approval-token';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const APPROVERS: readonly Role[] = ['admin', 'manager'];
const WHAT: Record<ApprovalAction, string> = {
  void: 'void a sale',
  refund: 'refund a sale',
  discount: 'give this discount or lower price',
};

/**
 * Manager approval on the till (issue 22). An employee may void or refund a sale, or take off
 * more than the store's discount limit, only with a manager's (or admin's) approval: the
 * manager signs in on the same till or types their PIN (`create`), which gives a token bound
 * to this store, this employee, this action and (for a void or refund) this sale, or (for a
 * discount) the most it may take off, usable once
 * within five minutes. The action sends it in the `Approval-Token` header and uses it in its
 * own transaction (`use`): if the action fails, the approval is still unused. A used approval
 * names the sale (and the refund) it approved, and the sale shows it.
 */
export function createApprovalsService(deps: {
  pool: Pool;
  pins: Pick<ApprovalPins, 'verify'>;
  membersOf(db: Db, storeId: string): Promise<Array<{ userId: string; role: Role }>>;
  userNames: UserReads['namesOf'];
}) {
  const { pool } = deps;

  async function view(db: Db, rows: repo.ApprovalRow[]) {
    const names = await deps.userNames(
      db,
      rows.flatMap((r) => [r.approved_by, r.requested_by]),
    );
    const person = (id: string | null) => id && { id, name: names.get(id) ?? null };
    return rows.map((r) => ({
      id: r.id,
      action: r.action as ApprovalAction,
      saleId: r.sale_id,
      amount: r.amount === null ? null : Number(r.amount),
      refundId: r.refund_id,
      method: r.method as 'pin' | 'password',
      approvedBy: person(r.approved_by),
      requestedBy: person(r.requested_by),
      approvedAt: r.created_at.toISOString(),
      usedAt: r.used_at?.toISOString() ?? null,
    }));
  }

  return {
    async create(ctx: StoreContext, input: CreateApprovalInput) {
      if (input.saleId && !(await repo.saleExists(pool, ctx.storeId, input.saleId)))
        throw new NotFoundError('Sale');
      const secret =
        input.pin !== undefined ? { pin: input.pin } : { password: input.password ?? '' };
      const approver = await deps.pins.verify(input.email, secret);
      if (!approver) {
        const field = 'pin' in secret ? 'pin' : 'password';
        throw new ValidationError([
          {
            field,
            message: `does not match ${input.email}: check the e-mail and the ${field === 'pin' ? 'PIN (set in the approver’s profile)' : 'password'}`,
            code: `invalid_${field}`,
          },
        ]);
      }
      const role = (await deps.membersOf(pool, ctx.storeId)).find(
        (m) => m.userId === approver.id,
      )?.role;
      if (!role || !APPROVERS.includes(role)) {
        throw new ForbiddenError(
          `${approver.name} is not a manager or admin of this store and cannot approve`,
          [{ field: 'email', message: 'is not a manager or admin here', code: 'not_an_approver' }],
        );
      }
      const token = `nap_${randomBytes(24).toString('base64url')}`;
      const row = await repo.insert(pool, ctx.storeId, {
        id: randomUUID(),
        tokenHash: hashOf(token),
        action: input.action,
        saleId: input.saleId ?? null,
        amount: input.amount ?? null,
        requestedBy: ctx.userId,
        approvedBy: approver.id,
        method: 'pin' in secret ? 'pin' : 'password',
        ttlSeconds: APPROVAL_TTL_SECONDS,
      });
      const [shown] = await view(pool, [row]);
      return { ...shown!, token, expiresAt: row.expires_at.toISOString() };
    },

    /**
     * Inside the action's transaction: nothing when the caller may act on their own (their
     * role may void and refund, or the discount is within their limit: `needed` false), else
     * the approval the token names, used now, or a 403. Its id, for `attach`.
     */
    async use(
      tx: Db,
      ctx: StoreContext,
      token: string | undefined,
      want: {
        action: ApprovalAction;
        saleId?: string;
        needed?: boolean;
        details?: ErrorDetail[];
        /** A discount's: what the sale takes off its list prices, at most the approved amount. */
        takenOff?: number;
      },
    ): Promise<string | null> {
      const needed = want.needed ?? !can(ctx.role, 'sales:refund');
      if (!needed) return null;
      if (!token) throw required(ctx, want.action, want.details);
      const row = await repo.use(tx, ctx.storeId, hashOf(token), {
        action: want.action,
        saleId: want.saleId ?? null,
        requestedBy: ctx.userId,
        takenOff: want.takenOff,
      });
      if (!row) throw invalid(want.action);
      return row.id;
    },

    /** Whether the token would approve a discount now, without using it (a quote). */
    async check(
      db: Db,
      ctx: StoreContext,
      token: string | undefined,
      over: { details: ErrorDetail[]; takenOff: number },
    ) {
      if (!token) throw required(ctx, 'discount', over.details);
      const ok = await repo.usable(db, ctx.storeId, hashOf(token), {
        action: 'discount',
        requestedBy: ctx.userId,
        takenOff: over.takenOff,
      });
      if (!ok) throw invalid('discount');
    },

    attach: repo.attach,

    /** A sale's approvals as the API shows them. */
    async ofSale(db: Db, storeId: string, saleId: string) {
      return view(db, await repo.ofSale(db, storeId, saleId));
    },
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;

function required(ctx: StoreContext, action: ApprovalAction, details?: ErrorDetail[]) {
  return new ApprovalRequiredError(
    `${ctx.role === 'employee' ? 'An employee' : 'You'} may ${WHAT[action]} only with a manager's approval: ask a manager or admin of the store to approve (POST approvals) and send its token in the Approval-Token header`,
    details,
  );
}

function invalid(action: ApprovalAction) {
  return new ApprovalInvalidError(
    `The Approval-Token is not a valid approval to ${WHAT[action]}: an approval is used once, within ${APPROVAL_TTL_SECONDS / 60} minutes, by the person who asked for it, in its store, for the action (and sale) it was given for, and a discount's for at most the amount approved. Ask for a new one`,
  );
}
