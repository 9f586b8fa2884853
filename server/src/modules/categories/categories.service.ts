import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { pageOf } from '../../core/paging';
import { NotFoundError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { StoreWriter } from '../events/events.service';
import * as repo from './categories.repo';
import type {
  CreateCategoryInput,
  ListCategoriesQuery,
  UpdateCategoryInput,
} from './categories.schemas';

export function createCategoriesService({ pool, write }: { pool: Pool; write: StoreWriter }) {
  const get = async (ctx: StoreContext, id: string) => {
    const found = await repo.find(pool, ctx.storeId, id);
    if (!found) throw new NotFoundError('Category');
    return found;
  };

  return {
    get,
    exists: (db: Db, storeId: string, id: string) => repo.exists(db, storeId, id),
    idForName: (db: Db, storeId: string, name: string) => repo.idForName(db, storeId, name),

    async list(ctx: StoreContext, q: ListCategoriesQuery) {
      const { items, total } = await repo.list(pool, ctx.storeId, q);
      return { items, pagination: pageOf(q.page, q.limit, total) };
    },

    async create(ctx: StoreContext, input: CreateCategoryInput) {
      const id = await write(ctx, async (tx, emit) => {
        const created = await repo.insert(tx, ctx.storeId, input);
        await emit('category.created', { categoryId: created, name: input.name });
        return created;
      });
      return get(ctx, id);
    },

    async update(ctx: StoreContext, id: string, input: UpdateCategoryInput) {
      await write(ctx, async (tx, emit) => {
        if (!(await repo.update(tx, ctx.storeId, id, input))) throw new NotFoundError('Category');
        await emit('category.updated', { categoryId: id });
      });
      return get(ctx, id);
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        if (!(await repo.remove(tx, ctx.storeId, id))) throw new NotFoundError('Category');
        await emit('category.deleted', { categoryId: id });
      });
    },
  };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;
