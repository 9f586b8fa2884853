import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../../../core/errors';
import type { Db } from '../../../db/pool';
import { isUniqueViolation } from '../../../db/pool';
import type { StoreWriter } from '../../events/events.service';
import * as repo from './checkout.repo';
import type {
  CreateTaxRateInput,
  UpdateCheckoutSettingsInput,
  UpdateTaxRateInput,
} from './checkout.schemas';

export interface CheckoutDeps {
  pool: Pool;
  write: StoreWriter;
  /** Which of these ids are the store's (the categories' and the products' modules). */
  existingCategories(db: Db, storeId: string, ids: readonly string[]): Promise<Set<string>>;
  existingProducts(db: Db, storeId: string, ids: readonly string[]): Promise<Set<string>>;
}

/**
 * A store's checkout: whether its prices include tax, its default rate, the address its
 * receipts show, how much an employee may discount, and its tax rates with the categories and
 * products each applies to. Sales read them in their own transaction (checkout.repo `rulesFor`).
 */
export function createCheckoutService(deps: CheckoutDeps) {
  const { pool, write } = deps;

  async function assertTargets(
    tx: PoolClient,
    storeId: string,
    b: { categoryIds?: readonly string[]; productIds?: readonly string[] },
  ) {
    const details = [];
    for (const [field, ids, existing] of [
      ['categoryIds', b.categoryIds, deps.existingCategories],
      ['productIds', b.productIds, deps.existingProducts],
    ] as const) {
      if (!ids?.length) continue;
      const found = await existing(tx, storeId, ids);
      for (const [i, id] of ids.entries()) {
        if (!found.has(id))
          details.push({
            field: `${field}.${i}`,
            message: 'is not in this store',
            code: 'not_found',
          });
      }
    }
    if (details.length) throw new ValidationError(details);
  }

  const nameTaken = (err: unknown) => {
    if (isUniqueViolation(err, 'tax_rates_store_name_key'))
      throw new ConflictError('This store already has a tax rate with this name');
    throw err;
  };

  async function rate(db: Db, storeId: string, id: string) {
    const found = await repo.findRate(db, storeId, id);
    if (!found) throw new NotFoundError('Tax rate');
    return found;
  }

  return {
    settings: (ctx: StoreContext) => repo.findSettings(pool, ctx.storeId),

    updateSettings(ctx: StoreContext, input: UpdateCheckoutSettingsInput) {
      return write(ctx, async (tx) => {
        const current = await repo.findSettings(tx, ctx.storeId);
        if (
          input.defaultTaxRateId &&
          !(await repo.lockRate(tx, ctx.storeId, input.defaultTaxRateId))
        ) {
          throw new ValidationError([
            {
              field: 'defaultTaxRateId',
              message: 'is not a tax rate of this store',
              code: 'not_found',
            },
          ]);
        }
        return repo.saveSettings(tx, ctx.storeId, { ...current, ...input });
      });
    },

    listRates: (ctx: StoreContext) => repo.listRates(pool, ctx.storeId),
    getRate: (ctx: StoreContext, id: string) => rate(pool, ctx.storeId, id),

    createRate(ctx: StoreContext, input: CreateTaxRateInput) {
      return write(ctx, async (tx) => {
        await assertTargets(tx, ctx.storeId, input);
        const id = await repo.insertRate(tx, ctx.storeId, input).catch(nameTaken);
        await repo.setTargets(tx, ctx.storeId, id, input);
        return rate(tx, ctx.storeId, id);
      });
    },

    updateRate(ctx: StoreContext, id: string, input: UpdateTaxRateInput) {
      return write(ctx, async (tx) => {
        if (!(await repo.lockRate(tx, ctx.storeId, id))) throw new NotFoundError('Tax rate');
        await assertTargets(tx, ctx.storeId, input);
        await repo.updateRate(tx, ctx.storeId, id, input).catch(nameTaken);
        await repo.setTargets(tx, ctx.storeId, id, input);
        return rate(tx, ctx.storeId, id);
      });
    },

    /** The product's own rate (null: it follows its category's, else the store default). */
    async productTaxRate(ctx: StoreContext, productId: string) {
      const found = await deps.existingProducts(pool, ctx.storeId, [productId]);
      if (!found.has(productId)) throw new NotFoundError('Product');
      return { productId, taxRateId: await repo.productRate(pool, ctx.storeId, productId) };
    },

    setProductTaxRate(ctx: StoreContext, productId: string, taxRateId: string | null) {
      return write(ctx, async (tx) => {
        const found = await deps.existingProducts(tx, ctx.storeId, [productId]);
        if (!found.has(productId)) throw new NotFoundError('Product');
        if (taxRateId && !(await repo.lockRate(tx, ctx.storeId, taxRateId))) {
          throw new ValidationError([
            { field: 'taxRateId', message: 'is not a tax rate of this store', code: 'not_found' },
          ]);
        }
        await repo.setProductRate(tx, ctx.storeId, productId, taxRateId);
        return { productId, taxRateId };
      });
    },

    removeRate(ctx: StoreContext, id: string) {
      return write(ctx, async (tx) => {
        if (!(await repo.lockRate(tx, ctx.storeId, id))) throw new NotFoundError('Tax rate');
        await repo.deleteRate(tx, ctx.storeId, id);
      });
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
