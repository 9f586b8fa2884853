import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { pageOf } from '../../core/paging';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { FieldCipher } from '../../platform/field-cipher';
import type { StoreWriter } from '../events/events.service';
import type { ProductReads } from '../products/products.reads';
import type { OrderStats, PurchasingReads } from '../purchasing/purchasing.reads';
import { performanceOf, reliabilityOf } from './supplier-performance';
import * as repo from './suppliers.repo';
import type { ListSuppliersQuery, SupplierInput } from './suppliers.schemas';

const NO_ORDERS: OrderStats = {
  openOrders: 0,
  lastOrderAt: null,
  onTimeRate: null,
  fillRate: null,
};

export function createSuppliersService(deps: {
  pool: Pool;
  write: StoreWriter;
  cipher: FieldCipher;
  timezoneOf(ctx: Pick<StoreContext, 'storeId'>): Promise<string>;
  /** The products module's count of products per supplier (their own supplier). */
  productCounts: ProductReads['countsBySupplier'];
  /**
   * Purchasing's figures of a supplier's orders: its list's (open orders, last order, on-time
   * rate) and its months (performance). Computed on read, so they cannot drift from the orders.
   */
  orders: Pick<PurchasingReads, 'orderStats' | 'supplierMonths' | 'suppliersByLastOrder'>;
}) {
  const { pool, write, cipher, timezoneOf, productCounts, orders } = deps;

  /** The rows with their product counts and order figures: one query each for a page. */
  async function withFigures(ctx: Pick<StoreContext, 'storeId'>, rows: repo.SupplierRow[]) {
    const ids = rows.map((r) => r.id);
    const counts = await productCounts(pool, ctx.storeId, ids);
    const stats = ids.length
      ? await orders.orderStats(pool, ctx.storeId, await timezoneOf(ctx), ids)
      : new Map<string, OrderStats>();
    return rows.map((r) => toSupplier(r, counts.get(r.id) ?? 0, stats.get(r.id) ?? NO_ORDERS));
  }

  const toSupplier = (r: repo.SupplierRow, productCount: number, o: OrderStats) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    city: r.city,
    state: r.state,
    zip: r.zip,
    country: r.country,
    website: r.website,
    contactPerson: r.contact_person,
    paymentTerms: r.payment_terms,
    // The tax id itself never leaves the server; its last digits help people tell suppliers apart.
    taxIdLast4: r.tax_id_encrypted ? cipher.decrypt(r.tax_id_encrypted).slice(-4) : null,
    notes: r.notes,
    status: r.status,
    leadTimeDays: r.lead_time_days,
    productCount,
    openOrders: o.openOrders,
    lastOrderAt: o.lastOrderAt?.toISOString() ?? null,
    onTimeDeliveryRate: o.onTimeRate === null ? null : Number(o.onTimeRate),
    fillRate: o.fillRate === null ? null : Number(o.fillRate),
    reliabilityScore: reliabilityOf(o),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  });

  const columns = (input: SupplierInput): repo.SupplierColumns => {
    const { taxId, ...rest } = input;
    const out: repo.SupplierColumns = { ...rest };
    if (taxId !== undefined) out.taxIdEncrypted = taxId ? cipher.encrypt(taxId) : null;
    return out;
  };

  const get = async (ctx: StoreContext, id: string) => {
    const row = await repo.find(pool, ctx.storeId, id);
    if (!row) throw new NotFoundError('Supplier');
    return (await withFigures(ctx, [row]))[0]!;
  };

  /** The supplier's orders per month, the last `months`. */
  const monthsOf = async (ctx: StoreContext, id: string, months: number) =>
    orders.supplierMonths(pool, ctx.storeId, await timezoneOf(ctx), id, months);

  return {
    get,
    exists: (db: Db, storeId: string, id: string) => repo.exists(db, storeId, id),
    statusOf: (db: Db, storeId: string, id: string) => repo.statusOf(db, storeId, id),
    leadTimesOf: (db: Db, storeId: string, ids: readonly string[]) =>
      repo.leadTimesOf(db, storeId, ids),
    /** The supplier a file names; two with that name is a 400 on `supplier`, never a guess. */
    async idForName(db: Db, storeId: string, name: string): Promise<string | undefined> {
      const ids = await repo.idsForName(db, storeId, name);
      if (ids.length > 1) {
        throw new ValidationError([
          {
            field: 'supplier',
            message: `more than one supplier is named "${name}": rename one so the file can tell them apart`,
            code: 'ambiguous',
          },
        ]);
      }
      return ids[0];
    },

    /** On-time rate, lead time, orders and value over the last `months` months, and per month. */
    async performance(ctx: StoreContext, id: string, months: number) {
      await get(ctx, id);
      return performanceOf(await monthsOf(ctx, id, months));
    },

    /**
     * The same figures over the calendar months `fromMonth`..`toMonth` (`YYYY-MM`, store time)
     * instead of the last n: for the vendor performance report. The supplier must exist.
     */
    async performanceBetween(ctx: StoreContext, id: string, fromMonth: string, toMonth: string) {
      const [y, m] = fromMonth.split('-').map(Number) as [number, number];
      const now = new Date();
      // Months from `fromMonth` to this one, and one more for a store zone ahead of UTC.
      const months = (now.getUTCFullYear() - y) * 12 + now.getUTCMonth() + 1 - m + 2;
      const rows = await monthsOf(ctx, id, Math.max(1, months));
      return performanceOf(rows.filter((r) => r.month >= fromMonth && r.month <= toMonth));
    },

    async list(ctx: StoreContext, q: ListSuppliersQuery) {
      const byLastOrder =
        q.sort === 'lastOrderAt'
          ? await orders.suppliersByLastOrder(pool, ctx.storeId, q.order)
          : [];
      const { rows, total } = await repo.list(pool, ctx.storeId, q, byLastOrder);
      return { items: await withFigures(ctx, rows), pagination: pageOf(q.page, q.limit, total) };
    },

    async create(ctx: StoreContext, input: SupplierInput & { name: string }) {
      const id = await write(ctx, async (tx, emit) => {
        const created = await repo.insert(tx, ctx.storeId, columns(input));
        await emit('supplier.created', { supplierId: created, name: input.name });
        return created;
      });
      return get(ctx, id);
    },

    async update(ctx: StoreContext, id: string, input: SupplierInput) {
      await write(ctx, async (tx, emit) => {
        if (!(await repo.update(tx, ctx.storeId, id, columns(input))))
          throw new NotFoundError('Supplier');
        await emit('supplier.updated', { supplierId: id });
      });
      return get(ctx, id);
    },

    async remove(ctx: StoreContext, id: string): Promise<void> {
      await write(ctx, async (tx, emit) => {
        if (!(await repo.remove(tx, ctx.storeId, id))) throw new NotFoundError('Supplier');
        await emit('supplier.deleted', { supplierId: id });
      });
    },
  };
}

export type SuppliersService = ReturnType<typeof createSuppliersService>;
