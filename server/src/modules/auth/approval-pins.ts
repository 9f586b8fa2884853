import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { withTransaction } from '../../db/pool';
import type { Row } from '../../db/rows';
import { RateLimitedError, UnauthorizedError, ValidationError } from '../../core/errors';
import * as repo from './auth.repo';
import { ACCOUNT_GONE } from './auth.reads';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';

/** Wrong PINs in a row that lock a person's PIN, and for how long. */
export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MINUTES = 15;

/** How an approver proves who they are on someone else's till. */
export type ApproverSecret = { pin: string } | { password: string };

/**
 * A person's approval PIN (managers and admins approve an employee's voids, refunds and
 * discounts with it: sales/approvals). Hashed with bcrypt like a password; five wrong PINs in
 * a row lock it for 15 minutes, whoever typed them.
 */
export function createApprovalPins(pool: Pool) {
  return {
    async status(userId: string) {
      const { rows } = await pool.query<Row<'approval_pins', 'updated_at'>>(
        'SELECT updated_at FROM approval_pins WHERE user_id = $1',
        [userId],
      );
      return { set: rows.length > 0, updatedAt: rows[0]?.updated_at.toISOString() ?? null };
    },

    /** Sets (or changes) the caller's PIN; their current password confirms it is them. */
    async set(userId: string, pin: string, currentPassword: string) {
      const hash = await repo.findPasswordHash(pool, userId);
      if (!hash) throw new UnauthorizedError(ACCOUNT_GONE);
      if (!(await verifyPassword(currentPassword, hash))) {
        throw new ValidationError([
          { field: 'currentPassword', message: 'is not correct', code: 'invalid_password' },
        ]);
      }
      const pinHash = await hashPassword(pin);
      await pool.query(
        `INSERT INTO approval_pins (user_id, pin_hash) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE
         SET pin_hash = $2, failed_attempts = 0, locked_until = NULL, updated_at = now()`,
        [userId, pinHash],
      );
      return this.status(userId);
    },

    async remove(userId: string) {
      await pool.query('DELETE FROM approval_pins WHERE user_id = $1', [userId]);
    },

    /**
     * The account with this e-mail when the secret is its password or its approval PIN, else
     * undefined (an unknown e-mail costs the same time). A PIN locked by wrong tries is a 429.
     */
    async verify(email: string, secret: ApproverSecret): Promise<repo.User | undefined> {
      const found = await repo.findCredentialsByEmail(pool, email);
      if ('password' in secret) {
        const valid = found
          ? await verifyPassword(secret.password, found.passwordHash)
          : await burnPasswordCheck(secret.password);
        return valid && found ? userOf(found) : undefined;
      }
      if (!found) return void (await burnPasswordCheck(secret.pin));
      return withTransaction(pool, async (tx) => {
        const pin = await lockPin(tx, found.id);
        if (!pin) return void (await burnPasswordCheck(secret.pin));
        const wait = pin.locked_until ? pin.locked_until.getTime() - Date.now() : 0;
        if (wait > 0) {
          throw new RateLimitedError(
            wait / 1000,
            `Too many wrong PINs for ${found.email}: it is locked for ${Math.ceil(wait / 60_000)} more minute(s); sign in with the password instead`,
          );
        }
        if (await verifyPassword(secret.pin, pin.pin_hash)) {
          await tx.query(
            'UPDATE approval_pins SET failed_attempts = 0, locked_until = NULL WHERE user_id = $1',
            [found.id],
          );
          return userOf(found);
        }
        const failures = pin.failed_attempts + 1;
        const locks = failures >= PIN_MAX_FAILURES;
        await tx.query(
          `UPDATE approval_pins SET failed_attempts = $2,
             locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) END
           WHERE user_id = $1`,
          [found.id, locks ? 0 : failures, locks, PIN_LOCK_MINUTES],
        );
        return undefined;
      });
    },
  };
}

export type ApprovalPins = ReturnType<typeof createApprovalPins>;

function userOf(found: repo.User & { passwordHash: string }): repo.User {
  const { passwordHash: _omit, ...user } = found;
  return user;
}

async function lockPin(db: Db, userId: string) {
  const { rows } = await db.query<
    Row<'approval_pins', 'pin_hash' | 'failed_attempts' | 'locked_until'>
  >(
    'SELECT pin_hash, failed_attempts, locked_until FROM approval_pins WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  return rows[0];
}
