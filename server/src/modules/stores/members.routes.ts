import type { RateLimiters } from '../../http/rate-limits';
import type { Routes } from '../../http/route';
import type { MembersService } from './members.service';
import * as s from './stores.schemas';

/** Routes under /api/v1/stores/:storeId: members and invitations (admins). */
export function membersRoutes(r: Routes, { members }: { members: MembersService }) {
  const admin = { permission: 'settings:manage', people: true } as const;

  r.store('get', '/members', admin, ({ ctx }) => members.list(ctx));
  r.store('post', '/members', { ...admin, body: s.addMemberBody, status: 201 }, ({ ctx, body }) =>
    members.add(ctx, body),
  );
  r.store(
    'patch',
    '/members/:userId',
    { ...admin, params: s.memberParams, body: s.updateMemberBody },
    ({ ctx, params, body }) => members.changeRole(ctx, params.userId, body.role),
  );
  // Any member may leave; removing someone else is checked in the service.
  r.store(
    'delete',
    '/members/:userId',
    { permission: 'inventory:read', people: true, params: s.memberParams, status: 204 },
    ({ ctx, params }) => members.remove(ctx, params.userId),
  );
  r.store('get', '/invitations', admin, ({ ctx }) => members.listInvitations(ctx));
  r.store(
    'delete',
    '/invitations/:invitationId',
    { ...admin, params: s.invitationParams, status: 204 },
    ({ ctx, params }) => members.revokeInvitation(ctx, params.invitationId),
  );
}

/**
 * Under /api/v1/auth, open to anyone (the invitee has no account yet): what an invitation's
 * link stands for, so its register page can say which store and address it is for. Behind the
 * per-IP limit of the credential endpoints.
 */
export function invitationLinkRoutes(
  r: Routes,
  { members, limits }: { members: MembersService; limits: RateLimiters },
) {
  r.public(
    'get',
    '/invitation',
    { before: [limits.auth], query: s.invitationLinkQuery },
    ({ query }) => members.invitationFor(query.token),
  );
}
