import { UnauthorizedError } from '../../core/errors';
import { distinctIds } from '../../core/ids';
import type { Db } from '../../db/pool';
import * as repo from './auth.repo';

/** The answer when a signed-in user's account has been deleted behind the API's back. */
export const ACCOUNT_GONE = 'This account no longer exists';

/**
 * What other modules may read of the accounts (auth owns `users`): plain functions of a `Db`
 * with no dependencies, so the composition root can hand them to `stores` and `members`
 * before the auth service (which needs both) exists, and to every module that shows who did
 * something, instead of a JOIN on `users`.
 */
export const userReads = {
  /** The account with this e-mail address, without its password hash. */
  async findByEmail(db: Db, email: string): Promise<repo.User | undefined> {
    const found = await repo.findCredentialsByEmail(db, email);
    if (!found) return undefined;
    const { passwordHash: _omit, ...user } = found;
    return user;
  },

  /**
   * A 401 when the signed-in user's account is gone. A session is remembered as live for up
   * to a minute (sessions.ts) and an account can be deleted behind the API's back; the places
   * where a deleted account shows (no membership, an empty store list, a write that names the
   * user) ask this before answering 403, an empty list or a foreign-key error.
   */
  async assertExists(db: Db, userId: string): Promise<void> {
    if (!(await repo.findUserById(db, userId))) throw new UnauthorizedError(ACCOUNT_GONE);
  },

  /** These accounts (deleted ones left out), by name then id. */
  byIds: (db: Db, ids: readonly string[]): Promise<repo.User[]> => repo.findUsersByIds(db, ids),

  /** Each account's name by id (a deleted account is absent). */
  async namesOf(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const users = await repo.findUsersByIds(db, distinctIds(ids));
    return new Map(users.map((u) => [u.id, u.name]));
  },
};

export type UserReads = typeof userReads;
