import type { Db } from '../../db/pool';
import { isUniqueViolation } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import { ConflictError } from '../../core/errors';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

type UserRow = Row<'users', 'id' | 'email' | 'name' | 'created_at'>;

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  createdAt: r.created_at.toISOString(),
});

export async function insertUser(
  db: Db,
  u: { email: string; name: string; passwordHash: string },
): Promise<User> {
  try {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
       RETURNING id, email, name, created_at`,
      [u.email, u.name, u.passwordHash],
    );
    return toUser(one(rows));
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('An account with this e-mail already exists');
    throw err;
  }
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(
    'SELECT id, email, name, created_at FROM users WHERE id = $1',
    [id],
  );
  return rows[0] && toUser(rows[0]);
}

export async function findCredentialsByEmail(
  db: Db,
  email: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<Row<'users', keyof UserRow | 'password_hash'>>(
    'SELECT id, email, name, created_at, password_hash FROM users WHERE email = $1',
    [email],
  );
  return rows[0] && { ...toUser(rows[0]), passwordHash: rows[0].password_hash };
}

export async function findPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const { rows } = await db.query<Row<'users', 'password_hash'>>(
    'SELECT password_hash FROM users WHERE id = $1',
    [userId],
  );
  return rows[0]?.password_hash;
}

export async function updatePasswordHash(db: Db, userId: string, hash: string): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now()
     WHERE id = $1`,
    [userId, hash],
  );
}

export type RefreshTokenRow = Row<
  'refresh_tokens',
  'id' | 'user_id' | 'family_id' | 'expires_at' | 'used_at' | 'revoked_at'
> & {
  /** Used, and within the reuse grace window of its rotation (by the database's clock). */
  in_grace: boolean;
};

export async function insertRefreshToken(
  db: Db,
  t: { userId: string; familyId: string; hash: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4)`,
    [t.userId, t.familyId, t.hash, t.expiresAt],
  );
}

/**
 * Locks the token row so two concurrent refreshes with one token cannot both rotate it: the
 * second waits for the first's commit and then sees it used (and whether within `graceSeconds`).
 */
export async function lockRefreshToken(
  db: Db,
  hash: string,
  graceSeconds = 0,
): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `SELECT id, user_id, family_id, expires_at, used_at, revoked_at,
            coalesce(used_at > now() - make_interval(secs => $2), false) AS in_grace
     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [hash, graceSeconds],
  );
  return rows[0];
}

/** A live (unrevoked, unexpired) token of the family by its hash. */
export async function findLiveRefreshToken(
  db: Db,
  familyId: string,
  hash: string,
): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<Row<'refresh_tokens', 'id'>>(
    `SELECT id FROM refresh_tokens
     WHERE token_hash = $1 AND family_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
    [hash, familyId],
  );
  return rows[0];
}

export async function markRefreshTokenUsed(db: Db, id: string): Promise<void> {
  await db.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [id]);
}

export async function revokeFamily(db: Db, familyId: string): Promise<void> {
  await db.query(
    'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId],
  );
}

/**
 * Revokes every session of the user; returns the families that issued a token within the
 * last `recentSeconds` (an access token lifetime): only those can have live access tokens.
 */
export async function revokeAllForUser(
  db: Db,
  userId: string,
  recentSeconds: number,
): Promise<string[]> {
  const { rows } = await db.query<Row<'refresh_tokens', 'family_id'>>(
    `WITH revoked AS (
       UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
       RETURNING family_id, created_at
     )
     SELECT DISTINCT family_id FROM revoked WHERE created_at > now() - make_interval(secs => $2)`,
    [userId, recentSeconds],
  );
  return rows.map((r) => r.family_id);
}

/** A session is active while its user exists and its refresh-token family is not revoked. */
export async function sessionState(
  db: Db,
  userId: string,
  familyId: string,
): Promise<'active' | 'ended' | 'no-user'> {
  const { rows } = await db.query<{ active: boolean }>(
    `SELECT NOT EXISTS (
       SELECT 1 FROM refresh_tokens WHERE family_id = $2 AND revoked_at IS NOT NULL
     ) AS active
     FROM users WHERE id = $1`,
    [userId, familyId],
  );
  if (!rows[0]) return 'no-user';
  return rows[0].active ? 'active' : 'ended';
}

export async function insertResetToken(
  db: Db,
  t: { userId: string; hash: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)',
    [t.userId, t.hash, t.expiresAt],
  );
}

/** Consumes a reset token exactly once: only an unused, unexpired token matches. */
export async function consumeResetToken(db: Db, hash: string): Promise<string | undefined> {
  const { rows } = await db.query<Row<'password_reset_tokens', 'user_id'>>(
    `UPDATE password_reset_tokens SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id`,
    [hash],
  );
  return rows[0]?.user_id;
}

export async function invalidateResetTokens(db: Db, userId: string): Promise<void> {
  await db.query(
    'UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
}

/** These accounts (those that still exist), by name then id. */
export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<User[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<UserRow>({
    // Prepared once per connection: every sale answers with its cashier's name.
    name: 'auth.users-by-ids',
    text: 'SELECT id, email, name, created_at FROM users WHERE id = ANY($1::uuid[]) ORDER BY name, id',
    values: [ids],
  });
  return rows.map(toUser);
}

/**
 * Deletes what can no longer sign anyone in: refresh-token families whose newest token expired
 * more than an access token's lifetime (`accessTtlSeconds`) ago, whole families only (a
 * family's revoked rows are what ends its access tokens, and none of those is alive by then),
 * and reset links expired or used over a day ago. Answers how many rows went.
 */
export async function purgeExpiredTokens(db: Db, accessTtlSeconds: number): Promise<number> {
  const refresh = await db.query(
    `DELETE FROM refresh_tokens WHERE family_id IN (
       SELECT family_id FROM refresh_tokens GROUP BY family_id
       HAVING max(expires_at) < now() - make_interval(secs => $1))`,
    [accessTtlSeconds],
  );
  const reset = await db.query(
    `DELETE FROM password_reset_tokens
     WHERE expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day'`,
  );
  return (refresh.rowCount ?? 0) + (reset.rowCount ?? 0);
}

/** A new name and/or e-mail for the user; an e-mail another account has is a 409 on `email`. */
export async function updateProfile(
  db: Db,
  userId: string,
  change: { name?: string; email?: string },
): Promise<User | undefined> {
  try {
    const { rows } = await db.query<UserRow>(
      `UPDATE users SET name = coalesce($2, name), email = coalesce($3, email), updated_at = now()
       WHERE id = $1 RETURNING id, email, name, created_at`,
      [userId, change.name ?? null, change.email ?? null],
    );
    return rows[0] && toUser(rows[0]);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('An account with this e-mail already exists', [
        { field: 'email', message: 'is already used by another account', code: 'duplicate' },
      ]);
    throw err;
  }
}
