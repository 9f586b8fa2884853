import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { isForeignKeyViolation, withTransaction } from '../../db/pool';
import { NotFoundError, UnauthorizedError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import { pageOf } from '../../core/paging';
import type { StoreCache } from '../../platform/store-cache';
import * as members from './members.repo';
import * as repo from './stores.repo';
import type { CreateStoreInput, UpdateStoreInput } from './stores.schemas';

interface Deps {
  pool: Pool;
  cache: StoreCache;
  /** The auth module's check that a signed-in user's account still exists (401 if not). */
  assertUser(userId: string): Promise<void>;
  /** After a store is deleted: every live subscription to it ends. */
  onDeleted?(storeId: string): Promise<void>;
  /**
   * Asked before a store is deleted; what it answers runs once the store is gone (what the
   * database does not hold, such as files' bytes, is removed after the rows are).
   */
  beforeDeleted?(storeId: string): Promise<() => Promise<void>>;
}

export function createStoresService({ pool, cache, assertUser, onDeleted, beforeDeleted }: Deps) {
  async function createForUser(
    db: Db,
    userId: string,
    input: { name: string; currency?: string; timezone?: string },
  ) {
    const store = await repo.insertStore(db, {
      name: input.name,
      currency: input.currency ?? 'USD',
      timezone: input.timezone ?? 'UTC',
    });
    await members.insertMembership(db, store.id, userId, 'admin');
    return { ...store, role: 'admin' as const };
  }

  return {
    createForUser,

    async create(userId: string, input: CreateStoreInput) {
      try {
        return await withTransaction(pool, (tx) => createForUser(tx, userId, input));
      } catch (err) {
        // The account was deleted while its session was still remembered as live.
        if (isForeignKeyViolation(err, 'memberships_user_id_fkey'))
          throw new UnauthorizedError('This account no longer exists');
        throw err;
      }
    },

    async listForUser(userId: string, q: { page: number; limit: number }) {
      const { items, total } = await repo.listStoresOfUser(pool, userId, {
        limit: q.limit,
        offset: (q.page - 1) * q.limit,
      });
      // No store at all may be a deleted account (its memberships went with it): a 401.
      if (!total) await assertUser(userId);
      return { items, pagination: pageOf(q.page, q.limit, total) };
    },

    async get(ctx: StoreContext) {
      const store = await repo.findStore(pool, ctx.storeId);
      if (!store) throw new NotFoundError('Store');
      return { ...store, role: ctx.role };
    },

    /** The store's IANA time zone: its days (date filters, the dashboard) are local days. */
    async timezoneOf(storeId: string): Promise<string> {
      const store = await repo.findStore(pool, storeId);
      if (!store) throw new NotFoundError('Store');
      return store.timezone;
    },

    async update(ctx: StoreContext, patch: UpdateStoreInput) {
      const store = await repo.updateStore(pool, ctx.storeId, patch);
      if (!store) throw new NotFoundError('Store');
      // Cached reads depend on the store too (the dashboard's days follow its time zone).
      await cache.invalidate(ctx.storeId);
      return { ...store, role: ctx.role };
    },

    async remove(ctx: StoreContext): Promise<void> {
      const afterwards = await beforeDeleted?.(ctx.storeId);
      if (!(await repo.deleteStore(pool, ctx.storeId))) throw new NotFoundError('Store');
      await afterwards?.();
      await onDeleted?.(ctx.storeId);
    },
  };
}

export type StoresService = ReturnType<typeof createStoresService>;
