import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { withTransaction } from '../../db/pool';
import { ForbiddenError, InvalidStateError, NotFoundError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { Mailer } from '../../platform/mailer';
import * as repo from './members.repo';
import { ROLE_PERMISSIONS, type Role } from '../../core/access';
import type { InvitationTokens } from './invitation-token';
import { findStore } from './stores.repo';
import type { UserReads } from '../auth/auth.reads';

interface Deps {
  pool: Pool;
  mailer: Mailer;
  /** Supplied by the auth module: members never read the users table for identity. */
  findUserByEmail(db: Db, email: string): Promise<{ id: string } | undefined>;
  /** The auth module's accounts by id, by name then id: who each member is. */
  usersOf: UserReads['byIds'];
  /** The origin of links in e-mails (PUBLIC_URL), never a request's Host header. */
  publicUrl(): string;
  /** Signs and reads the token in an invitation's link (invitation-token.ts). */
  invitationTokens: InvitationTokens;
  /** After a membership is removed: the user's live subscriptions to the store end. */
  onRemoved?(storeId: string, userId: string): Promise<void>;
}

export function createMembersService({
  pool,
  mailer,
  findUserByEmail,
  usersOf,
  publicUrl,
  invitationTokens,
  onRemoved,
}: Deps) {
  /** Memberships as members: who each is (the auth module's), in the order of their names. */
  async function asMembers(db: Db, memberships: repo.Membership[]): Promise<repo.Member[]> {
    const byUser = new Map(memberships.map((m) => [m.userId, m]));
    const users = await usersOf(db, [...byUser.keys()]);
    return users.map((u) => {
      const { userId, role, joinedAt } = byUser.get(u.id)!;
      return { userId, email: u.email, name: u.name, role, joinedAt };
    });
  }

  async function findMember(db: Db, storeId: string, userId: string) {
    const membership = await repo.findMembership(db, storeId, userId);
    return membership && (await asMembers(db, [membership]))[0];
  }

  /** Refuses a change that would leave the store without an admin (admin rows locked). */
  async function assertKeepsAnAdmin(tx: Db, ctx: StoreContext, userId: string, nextRole?: Role) {
    const admins = await repo.lockAdmins(tx, ctx.storeId);
    const losesAdmin = admins.includes(userId) && nextRole !== 'admin';
    if (losesAdmin && admins.length === 1) {
      throw new InvalidStateError(
        'A store needs at least one admin; make someone else admin first',
      );
    }
  }

  return {
    findRole: (storeId: string, userId: string) => repo.findRole(pool, storeId, userId),

    async membershipsOf(userId: string) {
      const rows = await repo.listMembershipsOfUser(pool, userId);
      return rows.map((m) => ({ ...m, permissions: ROLE_PERMISSIONS[m.role] }));
    },

    acceptInvitations: (db: Db, user: { id: string; email: string }) =>
      repo.acceptInvitations(db, user.id, user.email),

    list: async (ctx: StoreContext) =>
      asMembers(pool, await repo.listMemberships(pool, ctx.storeId)),

    listInvitations: (ctx: StoreContext) => repo.listInvitations(pool, ctx.storeId),

    /**
     * What an invitation's link stands for, for its register page: the store, the address and
     * the role. A token that is not genuine, has expired or whose invitation was revoked or
     * taken up is a 404.
     */
    async invitationFor(token: string) {
      const claim = invitationTokens.verify(token);
      const invitation =
        claim && (await repo.findInvitation(pool, claim.storeId, claim.invitationId, claim.email));
      const store = invitation && claim && (await findStore(pool, claim.storeId));
      if (!invitation || !store) throw new NotFoundError('Invitation');
      return { storeName: store.name, email: invitation.email, role: invitation.role };
    },

    /** Adds an existing user at once, or records an invitation they take up on registering. */
    async add(ctx: StoreContext, input: { email: string; role: Role }) {
      const origin = publicUrl();
      const outcome = await withTransaction(pool, async (tx) => {
        const user = await findUserByEmail(tx, input.email);
        if (user) {
          await repo.insertMembership(tx, ctx.storeId, user.id, input.role);
          return {
            status: 'added' as const,
            member: (await findMember(tx, ctx.storeId, user.id))!,
          };
        }
        const invitation = await repo.upsertInvitation(tx, {
          ...input,
          storeId: ctx.storeId,
          invitedBy: ctx.userId,
        });
        return { status: 'invited' as const, invitation };
      });
      const store = await findStore(pool, ctx.storeId);
      await mailer.send({
        to: input.email,
        subject:
          outcome.status === 'added'
            ? `You have been added to ${store?.name ?? 'a store'} on Nimbus`
            : `You are invited to ${store?.name ?? 'a store'} on Nimbus`,
        text:
          outcome.status === 'added'
            ? `You now have the ${input.role} role in ${store?.name}. Sign in at ${origin}/login\n`
            : `You have been invited as ${input.role} to ${store?.name}. ` +
              `Create your account with this e-mail address at ${origin}/register?invitation=${invitationTokens.sign(
                {
                  invitationId: outcome.invitation.id,
                  storeId: ctx.storeId,
                  email: input.email,
                },
              )} to join.\n`,
      });
      return outcome;
    },

    async changeRole(ctx: StoreContext, userId: string, role: Role) {
      return withTransaction(pool, async (tx) => {
        await assertKeepsAnAdmin(tx, ctx, userId, role);
        if (!(await repo.updateRole(tx, ctx.storeId, userId, role)))
          throw new NotFoundError('Member');
        return (await findMember(tx, ctx.storeId, userId))!;
      });
    },

    /** Admins remove anyone; any member may remove themselves (leave the store). */
    async remove(ctx: StoreContext, userId: string): Promise<void> {
      if (userId !== ctx.userId && !ctx.permissions.includes('settings:manage')) {
        throw new ForbiddenError();
      }
      await withTransaction(pool, async (tx) => {
        await assertKeepsAnAdmin(tx, ctx, userId);
        if (!(await repo.deleteMembership(tx, ctx.storeId, userId)))
          throw new NotFoundError('Member');
      });
      await onRemoved?.(ctx.storeId, userId);
    },

    async revokeInvitation(ctx: StoreContext, invitationId: string): Promise<void> {
      if (!(await repo.deleteInvitation(pool, ctx.storeId, invitationId))) {
        throw new NotFoundError('Invitation');
      }
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
