import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { withTransaction } from '../../db/pool';
import { NotFoundError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import { pageOf } from '../../core/paging';
import type { StoreCache } from '../../platform/store-cache';
import * as members from './members.repo';
import * as repo from './stores.repo';
import type { CreateStoreInput, UpdateStoreInput } from './stores.schemas';

export function createStoresService({ pool, cache }: { pool: Pool; cache: StoreCache }) {
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

    create(userId: string, input: CreateStoreInput) {
      return withTransaction(pool, (tx) => createForUser(tx, userId, input));
    },

    async listForUser(userId: string, q: { page: number; limit: number }) {
      const { items, total } = await repo.listStoresOfUser(pool, userId, {
        limit: q.limit,
        offset: (q.page - 1) * q.limit,
      });
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
      if (!(await repo.deleteStore(pool, ctx.storeId))) throw new NotFoundError('Store');
    },
  };
}

export type StoresService = ReturnType<typeof createStoresService>;
