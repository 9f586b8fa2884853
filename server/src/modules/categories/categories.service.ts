import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { pageOf } from '../../core/paging';
import { NotFoundError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { StoreWriter } from '../events/events.service';
import type { ProductReads } from '../products/products.reads';
import * as repo from './categories.repo';
import type {
  CreateCategoryInput,
  ListCategoriesQuery,
  UpdateCategoryInput,
} from './categories.schemas';

export function createCategoriesService({
  pool,
  write,
  productCounts,
}: {
  pool: Pool;
  write: StoreWriter;
  /** The products module's count of products per category (absent: none). */
  productCounts: ProductReads['countsByCategory'];
}) {
  const withCounts = async (db: Db, storeId: string, rows: repo.CategoryRow[]) => {
    const counts = await productCounts(
      db,
      storeId,
      rows.map((c) => c.id),
    );
    return rows.map((c): repo.Category => {
      const { id, name, description, createdAt, updatedAt } = c;
      return { id, name, description, productCount: counts.get(id) ?? 0, createdAt, updatedAt };
    });
  };

  const get = async (ctx: StoreContext, id: string) => {
    const found = await repo.find(pool, ctx.storeId, id);
    if (!found) throw new NotFoundError('Category');
    return (await withCounts(pool, ctx.storeId, [found]))[0]!;
  };

  /**
   * Ordered by product count: every matching category's count (a store has tens, not
   * thousands), sorted here as the query sorted them (count, then id), then the page.
   */
  async function byProductCount(storeId: string, q: ListCategoriesQuery) {
    const ids = await repo.matchingIds(pool, storeId, q.search);
    const counts = await productCounts(pool, storeId, ids);
    const sign = q.order === 'desc' ? -1 : 1;
    const n = (id: string) => counts.get(id) ?? 0;
    ids.sort((a, b) => sign * (n(a) - n(b)) || (a < b ? -1 : a > b ? 1 : 0));
    const page = ids.slice((q.page - 1) * q.limit, q.page * q.limit);
    const rows = new Map((await repo.findMany(pool, storeId, page)).map((c) => [c.id, c]));
    const items = await withCounts(
      pool,
      storeId,
      page.flatMap((id) => rows.get(id) ?? []),
    );
    return { items, total: ids.length };
  }

  return {
    get,
    exists: (db: Db, storeId: string, id: string) => repo.exists(db, storeId, id),
    idForName: (db: Db, storeId: string, name: string) => repo.idForName(db, storeId, name),

    async list(ctx: StoreContext, q: ListCategoriesQuery) {
      const { items, total } =
        q.sort === 'productCount'
          ? await byProductCount(ctx.storeId, q)
          : await repo
              .list(pool, ctx.storeId, { ...q, sort: q.sort })
              .then(async (p) => ({ ...p, items: await withCounts(pool, ctx.storeId, p.items) }));
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
