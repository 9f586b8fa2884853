import type { Pool, PoolClient } from 'pg';
import { type CursorPart, decodeCursor } from '../../core/cursor';
import { keysetPage } from '../../core/paging';
import { pageOf, type Pagination } from '../../core/paging';
import { withArticle } from '../../core/access';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { Emit } from '../../core/events';
import { assertMaySetMoney, MONEY_PERMISSION, seesMoney } from '../../core/money';
import type { StoreCache } from '../../platform/store-cache';
import type { Db } from '../../db/pool';
import type { CategoriesService } from '../categories/categories.service';
import type { StoreWriter } from '../events/events.service';
import type { SuppliersService } from '../suppliers/suppliers.service';
import type { UserReads } from '../auth/auth.reads';
import type { PurchasingReads } from '../purchasing/purchasing.reads';
import { listProducts } from './products-list.repo';
import type { ProductReads } from './products.reads';
import * as repo from './products.repo';
import { barcodeSuggestions } from './barcode-suggestions';
import { updateWithHistory } from './product-update';
import { assertReferences as checkRefs, assertWhole, generateSku } from './product-rules';
import { sortValue, toColumns, toProduct, type Product } from './product-mapper';
import {
  CURSOR_SORTS,
  type CreateProductInput,
  type ListProductsQuery,
  type ProductListFilter,
  type UpdateProductInput,
} from './products.schemas';
import type { InventoryService } from '../inventory/inventory.service';
import type { FilesService } from '../files/files.service';

const PRODUCT_TTL = 300;

const CURSOR_KIND: Record<string, CursorPart> = {
  name: 'text',
  sku: 'text',
  price: 'decimal',
  quantity: 'number',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
};

interface Deps {
  pool: Pool;
  write: StoreWriter;
  cache: StoreCache;
  categories: CategoriesService;
  suppliers: SuppliersService;
  inventory: InventoryService;
  /** This module's own reads (products.reads.ts), built before the services. */
  reads: ProductReads;
  /** Purchasing's supplier items: the products a supplier was ordered or invoiced for, and at what. */
  supplied: Pick<PurchasingReads, 'productsOfSuppliers' | 'suppliedItems'>;
  /** Who changed a product (the auth module's names). */
  userNames: UserReads['namesOf'];
  /** The files module: a deleted product's picture goes with it (kept for the retention). */
  files: Pick<FilesService, 'removeInTx'>;
}

export function createProductsService(deps: Deps) {
  const { pool, write, cache, suppliers, inventory, reads, supplied } = deps;

  const assertReferences = (db: Db, storeId: string, input: Parameters<typeof checkRefs>[3]) =>
    checkRefs(deps, db, storeId, input);

  const get = (ctx: StoreContext, id: string): Promise<Product> =>
    cache.get(ctx.storeId, `product:${id}`, PRODUCT_TTL, async () => {
      const row = await repo.find(pool, ctx.storeId, id);
      if (!row) throw new NotFoundError('Product');
      return toProduct((await reads.named(pool, ctx.storeId, [row]))[0]!);
    });

  async function applyUpdate(
    ctx: StoreContext,
    id: string,
    input: Record<string, unknown>,
    reason: string,
  ) {
    await write(ctx, (tx, emit) =>
      updateWithHistory(tx, emit, ctx, id, input, reason, () =>
        assertReferences(tx, ctx.storeId, input),
      ),
    );
    return get(ctx, id);
  }

  async function list(
    ctx: StoreContext,
    q: ProductListFilter,
  ): Promise<{ items: Product[]; pagination: Pagination }> {
    // The order would give the costs away.
    if (q.sort === 'cost' && !seesMoney(ctx.role)) {
      throw new ForbiddenError(
        `As ${withArticle(ctx.role)} you cannot sort by cost: costs need ${MONEY_PERMISSION}`,
      );
    }
    return cache.get(ctx.storeId, `products:${JSON.stringify(q)}`, PRODUCT_TTL, async () => {
      const kind = CURSOR_KIND[q.sort ?? 'name'] ?? 'text';
      const sort = q.sort ?? 'name';
      const decoded = q.cursor ? decodeCursor(q.cursor, ['text', kind, 'uuid']) : undefined;
      // A cursor belongs to the sort and order that made it; elsewhere it means nothing.
      if (decoded && decoded[0] !== `${sort}:${q.order}`) {
        throw new ValidationError([
          {
            field: 'cursor',
            message: `was made for another sort or order than ${sort} ${q.order}`,
            code: 'invalid_cursor',
          },
        ]);
      }
      const after = decoded?.slice(1);
      const { suppliedBy, ...query } = q;
      const { rows, total, totalCapped } = await listProducts(
        pool,
        ctx.storeId,
        suppliedBy
          ? {
              ...query,
              suppliedBy: {
                supplierId: suppliedBy,
                productIds: await supplied.productsOfSuppliers(pool, ctx.storeId, [suppliedBy]),
              },
            }
          : query,
        after && { value: after[0], id: String(after[1]) },
      );
      // Only orderings a cursor can continue hand one out (not cost or expiry, nor a
      // search ranked by relevance).
      const continuable =
        (CURSOR_SORTS as readonly string[]).includes(sort) && !(q.search && !q.sort);
      const { page, pagination } = keysetPage(
        rows,
        q,
        total,
        continuable ? (last) => [`${sort}:${q.order}`, sortValue(last, sort), last.id] : undefined,
      );
      // A capped total is a floor: whether a next page exists is the extra row's to say.
      const paged = totalCapped
        ? { ...pagination, totalCapped: true, hasNext: rows.length > q.limit }
        : pagination;
      const named = await reads.named(pool, ctx.storeId, page);
      return { items: named.map(toProduct), pagination: paged };
    });
  }

  return {
    get,
    /** The product as the API shows it, read in `db` (another module's transaction). */
    view: reads.view,

    list,

    /** Whether these products can be ordered (active), their own supplier and cost, by id. */
    orderingFacts: reads.orderingFacts,

    /**
     * Sets a product's cost from another module's transaction (an invoice's price accepted as
     * the new cost), recorded in its history with `reason` like an edit.
     */
    setCostInTx: (
      tx: PoolClient,
      emit: Emit,
      ctx: Pick<StoreContext, 'storeId' | 'userId'>,
      id: string,
      cost: number,
      reason: string,
    ) => updateWithHistory(tx, emit, ctx, id, { cost }, reason),

    /** A category's products: the product list with the category given by the path. */
    async ofCategory(
      ctx: StoreContext,
      categoryId: string,
      q: Omit<ListProductsQuery, 'category'>,
    ) {
      await deps.categories.get(ctx, categoryId);
      return list(ctx, { ...q, category: categoryId });
    },

    /**
     * A supplier's products: the product list of the products it supplies or was ordered or
     * invoiced for, each with the supplier's last cost and last order date.
     */
    async ofSupplier(
      ctx: StoreContext,
      supplierId: string,
      q: Omit<ListProductsQuery, 'supplier'>,
    ) {
      await suppliers.get(ctx, supplierId);
      const { items, pagination } = await list(ctx, { ...q, suppliedBy: supplierId });
      const known = await supplied.suppliedItems(
        pool,
        ctx.storeId,
        supplierId,
        items.map((p) => p.id),
      );
      const withCosts = items.map((p) => ({
        ...p,
        lastOrderedAt: known.get(p.id)?.lastOrderedAt ?? null,
        lastCost: known.get(p.id)?.lastCost ?? null,
      }));
      return { items: withCosts, pagination };
    },

    async lookup(ctx: StoreContext, barcode: string) {
      const row = await repo.findByBarcode(pool, ctx.storeId, barcode);
      if (!row) {
        // Still 404 NOT_FOUND; the products a scanner most likely meant come as the details.
        const near = await barcodeSuggestions(pool, ctx.storeId, barcode);
        throw new AppError('NOT_FOUND', 'Product with this barcode not found', {
          details: near.length ? near : undefined,
        });
      }
      return toProduct((await reads.named(pool, ctx.storeId, [row]))[0]!);
    },

    async create(ctx: StoreContext, input: CreateProductInput) {
      assertMaySetMoney(ctx.role, input, ['cost']);
      const id = await write(ctx, async (tx, emit) => {
        await assertReferences(tx, ctx.storeId, input);
        const created = await repo.insert(
          tx,
          ctx.storeId,
          toColumns({ ...input, sku: input.sku ?? generateSku(input.name) }),
        );
        if (input.initialQuantity) {
          await inventory.move(tx, emit, ctx, created, input.initialQuantity, 'initial', {
            note: 'Initial quantity',
          });
        }
        await emit('product.created', { productId: created, name: input.name, source: 'api' });
        return created;
      });
      return get(ctx, id);
    },

    update(ctx: StoreContext, id: string, input: UpdateProductInput) {
      assertMaySetMoney(ctx.role, input, ['cost']);
      return applyUpdate(ctx, id, input, 'update');
    },

    /** PUT: every optional field that is left out is cleared. */
    /**
     * PUT: the whole product. Every field must be sent (null clears one), so a client sending a
     * partial body is told to PATCH instead of losing the fields it left out; a role that may
     * not see the cost leaves the cost out, and keeps it.
     */
    replace(ctx: StoreContext, id: string, input: Omit<CreateProductInput, 'initialQuantity'>) {
      assertWhole(input, seesMoney(ctx.role));
      assertMaySetMoney(ctx.role, input, ['cost']);
      return applyUpdate(ctx, id, input, 'replace');
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        if (!(await repo.remove(tx, ctx.storeId, id))) throw new NotFoundError('Product');
        await deps.files.removeInTx(tx, ctx, 'product_image', id);
        await emit('product.deleted', { productId: id });
      });
    },

    async history(ctx: StoreContext, id: string, q: { page: number; limit: number }) {
      await get(ctx, id);
      const { items, total } = await repo.listHistory(pool, ctx.storeId, id, {
        limit: q.limit,
        offset: (q.page - 1) * q.limit,
      });
      const names = await deps.userNames(
        pool,
        items.map((h) => h.changedBy),
      );
      const named = items.map((h) => ({
        ...h,
        changedBy: h.changedBy ? { id: h.changedBy, name: names.get(h.changedBy) ?? null } : null,
      }));
      return { items: named, pagination: pageOf(q.page, q.limit, total) };
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
