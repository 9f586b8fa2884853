import type { Pool } from 'pg';
import { ROLES, type Role } from '../../core/access';
import type { Principal, StoreContext } from '../../core/context';
import { ConflictError, NotFoundError, UnauthorizedError } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import * as repo from './api-keys.repo';
import { isKeyToken, lookupOf, matches, newKeyToken, prefixOf } from './secret';

export interface ApiKeysDeps {
  pool: Pool;
  /** The names of the accounts that created keys (auth's reads). */
  userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>>;
  log: Logger;
}

export type KeyStatus = 'active' | 'expired' | 'revoked';

/** An authenticated key: the principal it acts as, and until when (a socket re-checks then). */
export interface KeyPrincipal extends Principal {
  apiKey: NonNullable<Principal['apiKey']>;
  expiresAt: number | null;
}

const statusOf = (k: repo.KeyRow, now = Date.now()): KeyStatus =>
  k.revoked_at ? 'revoked' : k.expires_at && k.expires_at.getTime() <= now ? 'expired' : 'active';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(k: repo.KeyRow, names: Map<string, string>) {
  return {
    id: k.id,
    name: k.name,
    role: k.role as Role,
    prefix: prefixOf(k.lookup),
    createdBy: { id: k.created_by, name: names.get(k.created_by) ?? null },
    createdAt: k.created_at.toISOString(),
    lastUsedAt: iso(k.last_used_at),
    expiresAt: iso(k.expires_at),
    revokedAt: iso(k.revoked_at),
    status: statusOf(k),
  };
}

export type ApiKeyView = ReturnType<typeof view>;

/**
 * API keys (PRODUCT.md §4): an admin creates one for a store with a role; its token is
 * answered once and only its hash is kept. Every request with a key reads its row (one
 * indexed lookup, no cache), so a revocation or an expiry holds at once on every replica.
 */
export function createApiKeysService({ pool, userNames, log }: ApiKeysDeps) {
  async function views(rows: repo.KeyRow[]) {
    const names = await userNames(
      pool,
      rows.map((r) => r.created_by),
    );
    return rows.map((r) => view(r, names));
  }
  const one = async (row: repo.KeyRow | undefined) => {
    if (!row) throw new NotFoundError('API key');
    return (await views([row]))[0]!;
  };

  return {
    /** Whether a bearer token is an API key's (`nmb_…`) rather than an access token. */
    isKeyToken,

    async list(ctx: StoreContext) {
      return views(await repo.listKeys(pool, ctx.storeId));
    },

    /** A new key; its `token` is in this answer and never again. */
    async create(
      ctx: StoreContext,
      input: { name: string; role: Role; expiresAt?: Date | null },
    ): Promise<ApiKeyView & { token: string }> {
      const { token, lookup, hash } = newKeyToken();
      const row = await repo.insertKey(pool, {
        storeId: ctx.storeId,
        name: input.name,
        role: input.role,
        lookup,
        hash,
        createdBy: ctx.userId,
        expiresAt: input.expiresAt ?? null,
      });
      if (!row) {
        throw new ConflictError(
          `A store keeps at most ${repo.MAX_KEYS_PER_STORE} API keys: delete the store's unused ones first`,
        );
      }
      return { ...(await one(row)), token };
    },

    async rename(ctx: StoreContext, id: string, name: string) {
      return one(await repo.renameKey(pool, ctx.storeId, id, name));
    },

    async revoke(ctx: StoreContext, id: string): Promise<void> {
      if (!(await repo.revokeKey(pool, ctx.storeId, id))) throw new NotFoundError('API key');
    },

    /** Revokes the keys a person created in a store, when their membership ends. */
    revokeKeysOf: (storeId: string, userId: string) => repo.revokeKeysOf(pool, storeId, userId),

    /** The principal of a key token; 401 for an unknown, revoked or expired one. */
    async authenticate(token: string): Promise<KeyPrincipal> {
      const lookup = lookupOf(token);
      const row = lookup ? await repo.findByLookup(pool, lookup) : undefined;
      if (!row || !matches(token, row.secret_hash)) throw new UnauthorizedError('Invalid API key');
      const status = statusOf(row);
      if (status === 'revoked') throw new UnauthorizedError('This API key has been revoked');
      if (status === 'expired') throw new UnauthorizedError('This API key has expired');
      if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
        repo.touchKey(pool, row.id).catch((err: Error) => {
          log.warn('API key last use not recorded', { apiKeyId: row.id, error: err.message });
        });
      }
      if (!(ROLES as readonly string[]).includes(row.role)) throw new UnauthorizedError();
      return {
        userId: row.created_by,
        apiKey: { id: row.id, name: row.name, storeId: row.store_id, role: row.role as Role },
        expiresAt: row.expires_at?.getTime() ?? null,
      };
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
