import type { Db } from '../../db/pool';
import { isUniqueViolation } from '../../db/pool';
import { ConflictError } from '../../core/errors';
import type { Role } from '../../core/access';
import { one, type Row } from '../../db/rows';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  invitedAt: string;
}

type InvitationRow = Row<'invitations', 'id' | 'email' | 'created_at'> & { role: Role };

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  invitedAt: r.created_at.toISOString(),
});

export async function findRole(db: Db, storeId: string, userId: string): Promise<Role | undefined> {
  const { rows } = await db.query<{ role: Role }>(
    'SELECT role FROM memberships WHERE store_id = $1 AND user_id = $2',
    [storeId, userId],
  );
  return rows[0]?.role;
}

export async function listMembershipsOfUser(
  db: Db,
  userId: string,
): Promise<Array<{ storeId: string; storeName: string; role: Role }>> {
  const { rows } = await db.query<
    Row<'memberships', 'store_id'> & Row<'stores', 'name'> & { role: Role }
  >(
    `SELECT m.store_id, s.name, m.role FROM memberships m JOIN stores s ON s.id = m.store_id
     WHERE m.user_id = $1 ORDER BY s.name, s.id`,
    [userId],
  );
  return rows.map((r) => ({ storeId: r.store_id, storeName: r.name, role: r.role }));
}

export async function insertMembership(
  db: Db,
  storeId: string,
  userId: string,
  role: Role,
): Promise<void> {
  try {
    await db.query('INSERT INTO memberships (store_id, user_id, role) VALUES ($1, $2, $3)', [
      storeId,
      userId,
      role,
    ]);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('This user is already a member of the store');
    throw err;
  }
}

export interface Membership {
  userId: string;
  role: Role;
  joinedAt: string;
}

type MembershipRow = Row<'memberships', 'user_id' | 'created_at'> & { role: Role };

const toMembership = (r: MembershipRow): Membership => ({
  userId: r.user_id,
  role: r.role,
  joinedAt: r.created_at.toISOString(),
});

/** The store's memberships (who they are is the auth module's: members.service.ts). */
export async function listMemberships(db: Db, storeId: string): Promise<Membership[]> {
  const { rows } = await db.query<MembershipRow>(
    'SELECT user_id, role, created_at FROM memberships WHERE store_id = $1',
    [storeId],
  );
  return rows.map(toMembership);
}

export async function findMembership(
  db: Db,
  storeId: string,
  userId: string,
): Promise<Membership | undefined> {
  const { rows } = await db.query<MembershipRow>(
    'SELECT user_id, role, created_at FROM memberships WHERE store_id = $1 AND user_id = $2',
    [storeId, userId],
  );
  return rows[0] && toMembership(rows[0]);
}

/** Locks the store's admin memberships so "last admin" checks cannot race each other. */
export async function lockAdmins(db: Db, storeId: string): Promise<string[]> {
  const { rows } = await db.query<Row<'memberships', 'user_id'>>(
    `SELECT user_id FROM memberships WHERE store_id = $1 AND role = 'admin' FOR UPDATE`,
    [storeId],
  );
  return rows.map((r) => r.user_id);
}

export async function updateRole(
  db: Db,
  storeId: string,
  userId: string,
  role: Role,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE memberships SET role = $3 WHERE store_id = $1 AND user_id = $2',
    [storeId, userId, role],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteMembership(db: Db, storeId: string, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'DELETE FROM memberships WHERE store_id = $1 AND user_id = $2',
    [storeId, userId],
  );
  return (rowCount ?? 0) > 0;
}

export async function upsertInvitation(
  db: Db,
  i: { storeId: string; email: string; role: Role; invitedBy: string },
): Promise<Invitation> {
  const { rows } = await db.query<InvitationRow>(
    `INSERT INTO invitations (store_id, email, role, invited_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (store_id, email) DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by
     RETURNING id, email, role, created_at`,
    [i.storeId, i.email, i.role, i.invitedBy],
  );
  return toInvitation(one(rows));
}

/** The store's invitation of `id` to `email`, if it still stands. */
export async function findInvitation(
  db: Db,
  storeId: string,
  id: string,
  email: string,
): Promise<Invitation | undefined> {
  const { rows } = await db.query<InvitationRow>(
    `SELECT id, email, role, created_at FROM invitations
     WHERE store_id = $1 AND id = $2 AND lower(email) = lower($3)`,
    [storeId, id, email],
  );
  return rows[0] && toInvitation(rows[0]);
}

export async function listInvitations(db: Db, storeId: string): Promise<Invitation[]> {
  const { rows } = await db.query<InvitationRow>(
    `SELECT id, email, role, created_at FROM invitations WHERE store_id = $1 ORDER BY created_at, id`,
    [storeId],
  );
  return rows.map(toInvitation);
}

export async function deleteInvitation(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM invitations WHERE store_id = $1 AND id = $2', [
    storeId,
    id,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Turns every pending invitation for an e-mail into a membership of the new user. */
export async function acceptInvitations(db: Db, userId: string, email: string): Promise<number> {
  const { rowCount } = await db.query(
    `WITH taken AS (DELETE FROM invitations WHERE email = $2 RETURNING store_id, role)
     INSERT INTO memberships (store_id, user_id, role) SELECT store_id, $1, role FROM taken
     ON CONFLICT DO NOTHING`,
    [userId, email],
  );
  return rowCount ?? 0;
}
