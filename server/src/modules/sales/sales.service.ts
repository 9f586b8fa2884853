import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import { decodeCursor } from '../../core/cursor';
import { keysetPage } from '../../core/paging';
import { NotFoundError, ValidationError } from '../../core/errors';
import { resolveDateRange } from '../../core/date-range';
import type { StoreContext } from '../../core/context';
import type { StoreWriter } from '../events/events.service';
import { InsufficientStockError } from '../inventory/inventory.errors';
import type { InventoryService, LedgerChange } from '../inventory/inventory.service';
import type { StoreReads } from '../stores/stores.reads';
import { createSaleReversals } from './sale-reversals';
import { createSaleViews, type SaleViewDeps } from './sale-views';
import { countNote, notBeforeProducts } from './counted-sales';
import { saleTime } from './sale-time';
import * as repo from './sales.repo';
import { rulesFor as checkoutRules } from './checkout/checkout.repo';
import { checkout } from './checkout/sale-checkout';
import * as references from './sale-references.repo';
import { assertSameLines, foundByReference } from './sale-references';
import { quoteOf } from './checkout/sale-quote';
import { cashUp, countCash } from './checkout/cash-up';
import type { ListSalesQuery, RecordSaleInput } from './sales.schemas';
import type { countCashBody } from './sales.schemas';
import type { z } from 'zod';
import type { ApprovalsService } from './approvals/approvals.service';

export function createSalesService(deps: {
  pool: Pool;
  write: StoreWriter;
  inventory: InventoryService;
  timezoneOf(ctx: StoreContext): Promise<string>;
  /** How many days back a sale's `soldAt` may be (config SALE_BACKDATE_DAYS). */
  saleBackdateDays: number;
  /** The store's time zone read in a void's or refund's transaction (the sale's day). */
  timezoneIn: StoreReads['timezoneIn'];
  /** Names a sale shows, from the modules that own them. */
  labels: SaleViewDeps;
  /** The products a sales search names (by barcode, SKU or name): the products module's. */
  productsNamed(db: Db, storeId: string, term: string): Promise<string[]>;
  /** Managers' approvals of employees' voids, refunds and discounts (approvals/). */
  approvals: ApprovalsService;
}) {
  const { pool, write, inventory, timezoneOf, saleBackdateDays } = deps;
  const views = createSaleViews(deps.labels);

  return {
    ...createSaleReversals({ ...deps, views }),

    /**
     * All lines or none, in a fixed number of statements whatever the number of lines. Stock
     * rows are locked in id order, every shortage is reported at once, and the decrements are
     * still conditional, so no interleaving can oversell. A sale
     * dated in the past (`soldAt`) records the cost in force then, and a product counted since
     * is not checked for stock: the count already took its units in (counted-sales.ts).
     * A sale with an `externalReference` the store already has is not made again: the sale
     * that has it is answered (sale-references.ts), or a 409 when its lines differ.
     */
    record(ctx: StoreContext, input: RecordSaleInput, approval?: string) {
      const reference = input.externalReference;
      return write(ctx, async (tx, emit) => {
        // A reference the store already has: that sale, once more (a retry), made by nobody now.
        if (reference !== undefined) {
          await references.lockReference(tx, ctx.storeId, reference);
          const row = await references.findByReference(tx, ctx.storeId, reference);
          if (row) {
            const original = await views.label(tx, ctx.storeId, row);
            assertSameLines(input.items, original);
            return foundByReference(original);
          }
        }
        // Checked before any stock is locked; without soldAt the sale happens now, after the locks.
        const stamped =
          input.soldAt === undefined
            ? undefined
            : saleTime(input.soldAt, new Date(), saleBackdateDays);
        const wanted = new Map<string, number>();
        for (const item of input.items)
          wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.quantity);
        // The cashier's name (the answer shows it) goes out with the lock: one round trip.
        const [locked, users] = await Promise.all([
          inventory.lockForSale(tx, ctx.storeId, [...wanted.keys()].sort()),
          deps.labels.userNames(tx, [ctx.userId]),
        ]);

        assertProducts(input, locked);
        const soldAt = stamped
          ? notBeforeProducts(input.items, (id) => locked.get(id)!.createdAt, stamped)
          : new Date();
        const past = stamped
          ? await inventory.asOf(
              tx,
              ctx.storeId,
              new Map([...wanted.keys()].map((id) => [id, costOf(locked.get(id)!.cost)])),
              soldAt,
            )
          : undefined;
        const short = [...wanted].flatMap(([productId, requested]) => {
          if (past?.get(productId)?.countedSince) return [];
          const available = locked.get(productId)!.quantity;
          return requested > available ? [{ productId, requested, available }] : [];
        });
        if (short.length) throw new InsufficientStockError(short);

        // Stock first, the sale row last: inserting it takes the store's next sale number,
        // whose counter row every sale in the store waits for until its commit. The movements
        // are dated when the sale happened, like the sale.
        const saleId = randomUUID();
        const timezone = [...(past?.values() ?? [])].some((p) => p.countedSince)
          ? await timezoneOf(ctx)
          : 'UTC';
        // Every line's ledger entries at once, on the rows locked above.
        const changes: LedgerChange[] = [...wanted].flatMap(([productId, quantity]) => {
          const then = past?.get(productId);
          const counted = then?.countedSince;
          const sold: LedgerChange = {
            productId,
            delta: -quantity,
            soldAt,
            ...(then ? { costThen: then.cost } : {}),
          };
          // The correction first, so the stock never dips below what was counted.
          if (!counted) return [sold];
          const correction: LedgerChange = {
            productId,
            delta: quantity,
            reason: 'count',
            at: counted.at,
            costThen: counted.unitCost,
            note: countNote.sold(counted.at, soldAt, timezone),
          };
          return [correction, sold];
        });
        // The ledger's write goes out with the read of the store's tax rules (one round trip):
        // the stock was checked under the lock above and does not depend on the prices, and a
        // sale refused below (its discounts, its approval) rolls the write back with it.
        const categories = [...locked.values()].flatMap((p) => p.categoryId ?? []);
        const [rules, movements] = await Promise.all([
          checkoutRules(tx, ctx.storeId, [...wanted.keys()], categories),
          inventory.moveMany(tx, emit, ctx, changes, 'sale', {
            referenceType: 'sale',
            referenceId: saleId,
            locked: true,
          }),
        ]);
        const { lines, totals, overLimit, takenOff } = checkout(input, locked, rules, ctx.role);
        // Beyond the employee's discount limit: a manager's approval of at least what the sale
        // takes off, used now (approvals/).
        const approvalId = await deps.approvals.use(tx, ctx, approval, {
          action: 'discount',
          needed: overLimit !== null,
          details: overLimit ?? undefined,
          takenOff,
        });

        // Each line's cost of goods is the cost its movement recorded (the cost in force).
        const costs = new Map(
          movements.filter((m) => m.reason === 'sale').map((m) => [m.productId, m.unitCost]),
        );
        const row = await repo.insertSale(tx, ctx.storeId, {
          id: saleId,
          userId: ctx.userId,
          soldAt,
          note: input.note ?? null,
          externalReference: reference ?? null,
          provisionalNumber: input.provisionalNumber ?? null,
          totals,
          lines: lines.map((l) => ({ ...l, unitCost: costs.get(l.productId) ?? null })),
        });
        if (approvalId) await deps.approvals.attach(tx, ctx.storeId, approvalId, { saleId });
        // Its products' names as the sale locked them, the cashier's read with the lock.
        const sale = repo.toSale(row, { products: locked, users });
        await emit('sale.recorded', {
          saleId,
          number: sale.number,
          total: sale.total,
          itemCount: sale.itemCount,
        });
        return sale;
      });
    },

    /**
     * What a sale would come to (tax, discounts, totals) without recording it or checking
     * stock: the till's pay step shows it before the customer pays. The same rules as `record`.
     */
    async quote(ctx: StoreContext, input: RecordSaleInput, approval?: string) {
      const ids = [...new Set(input.items.map((i) => i.productId))].sort();
      const products = await inventory.pricesForSale(pool, ctx.storeId, ids);
      assertProducts(input, products);
      const categories = [...products.values()].flatMap((p) => p.categoryId ?? []);
      const rules = await checkoutRules(pool, ctx.storeId, ids, categories);
      const priced = checkout(input, products, rules, ctx.role);
      // Beyond the employee's limit: the approval is checked, not used (the sale will use it).
      if (priced.overLimit)
        await deps.approvals.check(pool, ctx, approval, {
          details: priced.overLimit,
          takenOff: priced.takenOff,
        });
      return quoteOf(input, priced);
    },

    /** One store day's cash-up (checkout/cash-up.ts). */
    async cashUp(ctx: StoreContext, date: string) {
      return cashUp(pool, ctx, date, await timezoneOf(ctx), deps.labels.userNames);
    },

    /** Records the drawer's counted cash for a store day (checkout/cash-up.ts). */
    async countCash(ctx: StoreContext, input: z.infer<typeof countCashBody>) {
      const timezone = await timezoneOf(ctx);
      return write(ctx, (tx) => countCash(tx, ctx, input, timezone, deps.labels.userNames));
    },

    async get(ctx: StoreContext, id: string) {
      const sale = await views.find(pool, ctx.storeId, id);
      if (!sale) throw new NotFoundError('Sale');
      return { ...sale, approvals: await deps.approvals.ofSale(pool, ctx.storeId, id) };
    },

    async list(ctx: StoreContext, q: ListSalesQuery) {
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const range = await resolveDateRange(q, () => timezoneOf(ctx));
      const found = q.search
        ? {
            number: saleNumberIn(q.search),
            productIds: await deps.productsNamed(pool, ctx.storeId, q.search),
          }
        : undefined;
      const { items, total } = await views.list(
        pool,
        ctx.storeId,
        { ...q, ...range },
        after && { soldAt: String(after[0]), id: String(after[1]) },
        found,
      );
      const { page, pagination } = keysetPage(
        items,
        q,
        total,
        q.sort === 'soldAt' ? (last) => [last.key, last.sale.id] : undefined,
      );
      return { items: page.map((i) => i.sale), pagination };
    },
  };
}

export type SalesService = ReturnType<typeof createSalesService>;

const costOf = (cost: string | null) => (cost === null ? null : Number(cost));

/** Every line's product is the store's: else a 400 on each line that is not. */
function assertProducts(input: RecordSaleInput, found: ReadonlyMap<string, unknown>) {
  const missing = input.items.flatMap((item, i) =>
    found.has(item.productId)
      ? []
      : [
          {
            field: `items.${i}.productId`,
            message: 'no such product in this store',
            code: 'not_found',
          },
        ],
  );
  if (missing.length) throw new ValidationError(missing);
}

/** The sale number a search names: S-000123, S123 or 123 (null: none). */
function saleNumberIn(term: string): number | null {
  const m = /^(?:S-?)?0*(\d{1,9})$/i.exec(term.trim());
  return m ? Number(m[1]) : null;
}
