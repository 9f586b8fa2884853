import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { withTransaction } from '../../db/pool';
import { BadRequestError, UnauthorizedError, ValidationError } from '../../core/errors';
import type { Principal } from '../../core/context';
import type { Logger } from '../../logger';
import type { Mailer } from '../../platform/mailer';
import type { StoresService } from '../stores/stores.service';
import type { MembersService } from '../stores/members.service';
import * as repo from './auth.repo';
import type { JobsService } from '../jobs/jobs.service';
import type { Sessions } from './sessions';
import type { RegisterInput } from './auth.schemas';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { ACCOUNT_GONE, userReads } from './auth.reads';
import {
  type AccessTokens,
  type RefreshSuccessor,
  hashToken,
  newOpaqueToken,
  REFRESH_TOKEN_TTL_DAYS,
  RESET_TOKEN_TTL_MINUTES,
} from './tokens';

export interface Session {
  user: repo.User;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface Deps {
  pool: Pool;
  tokens: AccessTokens;
  /** Derives a rotated refresh token from its parent (tokens.ts). */
  successorOf: RefreshSuccessor;
  /** Seconds after rotation in which the parent token may be presented again (config). */
  refreshReuseGraceSeconds: number;
  sessions: Sessions;
  mailer: Mailer;
  jobs: JobsService;
  /** The origin of links in e-mails (PUBLIC_URL), never a request's Host header. */
  publicUrl(): string;
  accessTokenTtl: number;
  log: Logger;
  stores: StoresService;
  members: MembersService;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_JOB = 'auth.password_reset';

export function createAuthService(deps: Deps) {
  const { pool, tokens, sessions, mailer, jobs, log, stores, members, successorOf } = deps;
  async function issueSession(
    db: Db,
    user: repo.User,
    familyId: string = randomUUID(),
    refresh: { token: string; hash: string } = newOpaqueToken('nmr_'),
  ): Promise<Session> {
    await repo.insertRefreshToken(db, {
      userId: user.id,
      familyId,
      hash: refresh.hash,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * DAY_MS),
    });
    const access = tokens.sign(user.id, familyId);
    return {
      user,
      accessToken: access.token,
      refreshToken: refresh.token,
      expiresIn: access.expiresIn,
    };
  }

  /** Like authenticate, with when the token expires (a WebSocket is closed then). */
  async function authenticateUntil(
    accessToken: string,
  ): Promise<{ userId: string; expiresAt: number; sessionId: string }> {
    const { userId, sessionId, expiresAt } = tokens.verify(accessToken);
    const state = await sessions.check(userId, sessionId);
    if (state === 'no-user') throw new UnauthorizedError(ACCOUNT_GONE);
    if (state === 'ended') {
      throw new UnauthorizedError(
        'This session has ended (signed out, or the password changed): sign in again',
      );
    }
    return { userId, expiresAt, sessionId };
  }

  return {
    /** The principal of a valid access token whose session is still live. */
    async authenticate(accessToken: string): Promise<Principal> {
      return { userId: (await authenticateUntil(accessToken)).userId };
    },

    authenticateUntil,

    async register(input: RegisterInput): Promise<Session> {
      const passwordHash = await hashPassword(input.password);
      return withTransaction(pool, async (tx) => {
        const user = await repo.insertUser(tx, {
          email: input.email,
          name: input.name,
          passwordHash,
        });
        await members.acceptInvitations(tx, user);
        if (input.storeName) await stores.createForUser(tx, user.id, { name: input.storeName });
        return issueSession(tx, user);
      });
    },

    async login(email: string, password: string): Promise<Session> {
      const found = await repo.findCredentialsByEmail(pool, email);
      const valid = found
        ? await verifyPassword(password, found.passwordHash)
        : await burnPasswordCheck(password);
      if (!found || !valid) throw new UnauthorizedError('Invalid email or password');
      const { passwordHash: _omit, ...user } = found;
      return issueSession(pool, user);
    },

    /**
     * Rotates a refresh token. A token presented again within the grace window of its
     * rotation (two tabs refreshing with one cookie) gets the same successor and a fresh access
     * token; presented again later, it revokes its whole family (theft detection).
     */
    async refresh(refreshToken: string | undefined): Promise<Session> {
      if (!refreshToken) throw new UnauthorizedError('Refresh token missing');
      const successor = successorOf(refreshToken);
      const outcome = await withTransaction(pool, async (tx) => {
        const row = await repo.lockRefreshToken(
          tx,
          hashToken(refreshToken),
          deps.refreshReuseGraceSeconds,
        );
        if (!row || row.revoked_at || row.expires_at <= new Date()) return 'invalid' as const;
        const user = await repo.findUserById(tx, row.user_id);
        if (!user) return 'invalid' as const;
        if (row.used_at) {
          if (
            row.in_grace &&
            (await repo.findLiveRefreshToken(tx, row.family_id, successor.hash))
          ) {
            const access = tokens.sign(user.id, row.family_id);
            return {
              user,
              accessToken: access.token,
              refreshToken: successor.token,
              expiresIn: access.expiresIn,
            };
          }
          await repo.revokeFamily(tx, row.family_id);
          return { reused: row.family_id };
        }
        await repo.markRefreshTokenUsed(tx, row.id);
        return issueSession(tx, user, row.family_id, successor);
      });
      if (outcome === 'invalid') throw new UnauthorizedError('Invalid or expired refresh token');
      if ('reused' in outcome) {
        await sessions.ended([outcome.reused]);
        log.warn('refresh token reuse detected; token family revoked');
        throw new UnauthorizedError('Refresh token already used; please sign in again');
      }
      return outcome;
    },

    /** Ends the session: its refresh tokens and its access tokens. */
    async logout(refreshToken: string | undefined): Promise<void> {
      if (!refreshToken) return;
      const familyId = await withTransaction(pool, async (tx) => {
        const row = await repo.lockRefreshToken(tx, hashToken(refreshToken));
        if (row) await repo.revokeFamily(tx, row.family_id);
        return row?.family_id;
      });
      if (familyId) await sessions.ended([familyId]);
    },

    async me(userId: string) {
      const user = await repo.findUserById(pool, userId);
      if (!user) throw new UnauthorizedError(ACCOUNT_GONE);
      return { user, memberships: await members.membershipsOf(userId) };
    },

    findUserByEmail: userReads.findByEmail,

    /**
     * The same work whoever asks: one queued job. Looking the address up and sending the mail
     * happen in the background, so neither the answer nor its timing tells who has an account.
     */
    async forgotPassword(email: string): Promise<void> {
      await jobs.enqueue(pool, { type: PASSWORD_RESET_JOB, payload: { email } });
      jobs.nudge();
    },

    async sendResetMail(email: string): Promise<void> {
      const user = await repo.findCredentialsByEmail(pool, email);
      if (!user) return;
      const reset = newOpaqueToken('nmp_');
      await repo.insertResetToken(pool, {
        userId: user.id,
        hash: reset.hash,
        expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000),
      });
      await mailer.send({
        to: user.email,
        subject: 'Reset your Nimbus password',
        text:
          `Hello ${user.name},\n\nSomeone asked to reset the password of your Nimbus account. ` +
          `If it was you, open this link within ${RESET_TOKEN_TTL_MINUTES} minutes:\n\n` +
          `${deps.publicUrl()}/reset-password?token=${encodeURIComponent(reset.token)}\n\n` +
          `If it was not you, ignore this e-mail; your password stays as it is.\n`,
      });
    },

    async resetPassword(token: string, newPassword: string): Promise<void> {
      const passwordHash = await hashPassword(newPassword);
      const ended = await withTransaction(pool, async (tx) => {
        const owner = await repo.consumeResetToken(tx, hashToken(token));
        if (!owner)
          throw new BadRequestError('This reset link is invalid, expired or already used');
        await repo.updatePasswordHash(tx, owner, passwordHash);
        await repo.invalidateResetTokens(tx, owner);
        return repo.revokeAllForUser(tx, owner, deps.accessTokenTtl);
      });
      await sessions.ended(ended);
    },

    /** The hourly cleanup: sessions and reset links that can no longer be used. */
    purgeExpired: () => repo.purgeExpiredTokens(pool, deps.accessTokenTtl),

    /** A 401 when the signed-in user's account is gone (auth.reads.ts). */
    assertUser: (userId: string) => userReads.assertExists(pool, userId),

    /** Changes the password, signs every other session out and returns a fresh one. */
    /**
     * The caller's name and e-mail. A new e-mail needs the current password (whoever holds a
     * signed-in tab must not take the account over by changing where resets go).
     */
    async updateProfile(
      userId: string,
      input: { name?: string; email?: string; currentPassword?: string },
    ) {
      const user = await repo.findUserById(pool, userId);
      if (!user) throw new UnauthorizedError(ACCOUNT_GONE);
      const email =
        input.email !== undefined && input.email.toLowerCase() !== user.email.toLowerCase()
          ? input.email
          : undefined;
      if (email !== undefined) {
        if (!input.currentPassword) {
          throw new ValidationError([
            {
              field: 'currentPassword',
              message: 'is required to change the e-mail',
              code: 'required',
            },
          ]);
        }
        const hash = await repo.findPasswordHash(pool, userId);
        if (!hash || !(await verifyPassword(input.currentPassword, hash))) {
          throw new ValidationError([
            { field: 'currentPassword', message: 'is not correct', code: 'invalid_password' },
          ]);
        }
      }
      const updated = await repo.updateProfile(pool, userId, { name: input.name, email });
      if (!updated) throw new UnauthorizedError(ACCOUNT_GONE);
      return { user: updated, memberships: await members.membershipsOf(userId) };
    },

    async changePassword(userId: string, current: string, next: string): Promise<Session> {
      const hash = await repo.findPasswordHash(pool, userId);
      if (!hash) throw new UnauthorizedError(ACCOUNT_GONE);
      if (!(await verifyPassword(current, hash))) {
        // Not a 401: the caller is signed in, only this field is wrong.
        throw new ValidationError([
          { field: 'currentPassword', message: 'is not correct', code: 'invalid_password' },
        ]);
      }
      const passwordHash = await hashPassword(next);
      const { session, ended } = await withTransaction(pool, async (tx) => {
        await repo.updatePasswordHash(tx, userId, passwordHash);
        const revoked = await repo.revokeAllForUser(tx, userId, deps.accessTokenTtl);
        const user = await repo.findUserById(tx, userId);
        if (!user) throw new UnauthorizedError(ACCOUNT_GONE);
        return { session: await issueSession(tx, user), ended: revoked };
      });
      await sessions.ended(ended);
      return session;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Runs the password-reset mails that forgotPassword queued. */
export function registerAuthJobs(jobs: JobsService, auth: AuthService) {
  jobs.register(PASSWORD_RESET_JOB, async ({ job }) => {
    await auth.sendResetMail(String((job.payload as { email: unknown }).email));
    return null;
  });
}
