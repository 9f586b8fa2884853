import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { CATEGORIES, SUPPLIERS, WEEKDAY_FACTOR } from './catalog-data';
import { planCatalog, type PlannedProduct } from './catalog';
import { one, type Row } from '../db/rows';
import { recountFigures } from '../modules/analytics/dashboard-upkeep';
import * as sql from './history-sql';
import * as purchasing from './purchasing-sql';
import { createRng, type Rng } from './prng';

export interface DemoStoreOptions {
  storeId: string;
  /** Recorded as the seller and receiver of everything generated. */
  userId: string;
  products: number;
  days: number;
  seed?: number;
  /** The end of the history (default: now). The last simulated day is this day, in UTC. */
  now?: Date;
  /** Average sale lines per product per day (default: fewer per product in bigger stores). */
  linesPerProductDay?: number;
  onStep?: (step: string, ms: number) => void;
}

export interface DemoStoreSummary {
  categories: number;
  suppliers: number;
  products: number;
  sales: number;
  saleLines: number;
  movements: number;
  ms: number;
}

const DAY_MS = 86_400_000;
const BASKET_LINES = 2.4;

export const defaultLinesPerProductDay = (products: number) =>
  Math.min(1.2, Math.max(0.25, 3 / Math.pow(Math.max(products, 1), 0.2)));

/**
 * Fills an existing, empty store with a realistic catalogue and `days` days of history:
 * deliveries, sales with weekly seasonality and per-product trends, and waste. Set-based
 * SQL in one transaction, so 100k products and millions of sale lines take minutes.
 */
export async function generateDemoStore(
  pool: Pool,
  opts: DemoStoreOptions,
): Promise<DemoStoreSummary> {
  const started = Date.now();
  const seed = opts.seed ?? 2026;
  const days = Math.max(1, Math.floor(opts.days));
  const now = opts.now ?? new Date();
  const firstDay = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const rng = createRng(seed);
  const lines = opts.linesPerProductDay ?? defaultLinesPerProductDay(opts.products);
  const plan = planCatalog(rng, opts.products, days, lines);

  // Monday = 0; a little day-to-day noise on top of the weekly pattern.
  const dow0 = (firstDay.getUTCDay() + 6) % 7;
  const dayFactor = Array.from(
    { length: days },
    (_, d) => WEEKDAY_FACTOR[(dow0 + d) % 7]! * (0.92 + rng.next() * 0.16),
  );
  const linesPerDay = plan.reduce((s, p) => s + p.linesPerDay, 0);
  const baskets = dayFactor.map((f) => Math.max(1, Math.round((linesPerDay * f) / BASKET_LINES)));
  const maxFactor = Math.max(...dayFactor);
  const nowDays = (now.getTime() - firstDay.getTime()) / DAY_MS;
  const salt = seed * 1000;
  const idSalt = Number(
    BigInt(`0x${createHash('sha256').update(opts.storeId).digest('hex').slice(0, 12)}`),
  );

  const client = await pool.connect();
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const t = Date.now();
    const res = await client.query(text, values);
    opts.onStep?.(name, Date.now() - t);
    return res;
  };
  try {
    await client.query('BEGIN');
    await client.query(
      "SET LOCAL work_mem = '256MB'; SET LOCAL statement_timeout = 0; SET LOCAL synchronous_commit = off; SET LOCAL TimeZone = 'UTC'",
    );
    await skipForeignKeyChecks(client);
    for (const f of sql.CREATE_FUNCTIONS) await client.query(f);
    const categoryIds = await insertCategories(client, opts.storeId);
    const supplierIds = await insertSuppliers(client, opts.storeId);

    await step(
      'plan',
      sql.CREATE_PLAN,
      planColumns(plan, rng, {
        categoryIds,
        supplierIds,
        firstDay,
        days,
        maxFactor,
        nowDays,
        idSalt,
      }),
    );
    await step('lines', sql.CREATE_LINES, [salt, days, firstDay, now, dayFactor, baskets, idSalt]);
    await step('waste', sql.CREATE_WASTE, [salt, days, firstDay, now]);
    await step('receipts', sql.CREATE_RECEIPTS, [salt, firstDay]);
    await step('movements', sql.CREATE_MOVEMENTS, [idSalt]);
    await step('insert products', sql.INSERT_PRODUCTS, [opts.storeId]);
    await step('product words', sql.INSERT_PRODUCT_WORDS, [opts.storeId]);
    const sales = await step('insert sales', sql.INSERT_SALES, [opts.storeId, opts.userId]);
    await step('sale numbers', sql.SET_SALE_COUNTER, [opts.storeId]);
    const items = await step('insert sale items', sql.INSERT_SALE_ITEMS, [
      opts.storeId,
      idSalt + 50,
    ]);
    const moves = await step('insert movements', sql.INSERT_MOVEMENTS, [opts.storeId, opts.userId]);
    const t0 = Date.now();
    const params = [opts.storeId, opts.userId, idSalt, firstDay, now];
    for (const text of [
      ...purchasing.CREATE_ORDERS,
      ...purchasing.INSERT_ORDERS,
      ...purchasing.INSERT_INVOICES,
      ...purchasing.INSERT_RECEIPT_LINES,
    ]) {
      await client.query(...purchasing.bindUsed(text, params));
    }
    opts.onStep?.('purchasing', Date.now() - t0);
    // The triggers that keep the dashboard's figures were off with the foreign keys
    // (skipForeignKeyChecks): the store's figures are counted once, as the migration does.
    const t1 = Date.now();
    await recountFigures(client, opts.storeId);
    opts.onStep?.('dashboard figures', Date.now() - t1);
    await client.query('COMMIT');
    const t = Date.now();
    await client.query(
      'ANALYZE categories, suppliers, products, product_words, sales, sale_items, stock_movements, purchase_orders, purchase_order_lines, purchase_receipts, purchase_receipt_lines, supplier_items',
    );
    opts.onStep?.('analyze', Date.now() - t);
    return {
      categories: categoryIds.length,
      suppliers: supplierIds.length,
      products: plan.length,
      sales: sales.rowCount ?? 0,
      saleLines: items.rowCount ?? 0,
      movements: moves.rowCount ?? 0,
      ms: Date.now() - started,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Every row written here references rows written in the same transaction, so the
 * per-row foreign-key triggers only cost time. Skipping them needs a superuser (the
 * embedded database); elsewhere they run as usual.
 */
async function skipForeignKeyChecks(client: PoolClient) {
  await client.query('SAVEPOINT demo_fk');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query('RELEASE SAVEPOINT demo_fk');
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT demo_fk');
  }
}

async function insertCategories(client: PoolClient, storeId: string): Promise<string[]> {
  const { rows } = await client.query<Row<'categories', 'id'>>(
    `INSERT INTO categories (store_id, name, description)
     SELECT $1, name, description FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS c(name, description, i)
     ORDER BY i
     RETURNING id`,
    [storeId, CATEGORIES.map((c) => c.name), CATEGORIES.map((c) => c.description)],
  );
  return rows.map((r) => r.id);
}

async function insertSuppliers(client: PoolClient, storeId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, s] of SUPPLIERS.entries()) {
    const domain = `${s.name
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 18)}.example`;
    const { rows } = await client.query<Row<'suppliers', 'id'>>(
      `INSERT INTO suppliers (store_id, name, email, phone, address, city, state, zip, website,
         contact_person, payment_terms, notes, status, lead_time_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING id`,
      [
        storeId,
        s.name,
        `orders@${domain}`,
        `+1 555 01${String(10 + i).padStart(2, '0')}`,
        s.street,
        s.city,
        s.state,
        s.zip,
        `https://www.${domain}`,
        s.contactPerson,
        s.paymentTerms,
        s.status === 'on-hold' ? 'Deliveries paused pending a pricing review.' : null,
        s.status,
        s.leadTimeDays,
      ],
    );
    ids.push(one(rows).id);
  }
  return ids;
}

function planColumns(
  plan: PlannedProduct[],
  rng: Rng,
  ctx: {
    categoryIds: string[];
    supplierIds: string[];
    firstDay: Date;
    days: number;
    maxFactor: number;
    nowDays: number;
    idSalt: number;
  },
): unknown[] {
  const lastDay = ctx.firstDay.getTime() + (ctx.days - 1) * DAY_MS;
  const col = <T>(f: (p: PlannedProduct, i: number) => T) => plan.map(f);
  // The last delivery cycle that has started (and been received) by now.
  const lastCycle = (p: PlannedProduct) => {
    const t = ctx.nowDays - 0.25 - 1 / 48 - p.deliveryOffset;
    return t < 0 ? 0 : 1 + Math.floor(t / p.deliveryEvery);
  };
  return [
    ctx.idSalt,
    col((_, i) => i + 1),
    col((p) => ctx.categoryIds[p.category]),
    col((p) => ctx.supplierIds[p.supplier]),
    col((p) => p.sku),
    col((p) => p.barcode),
    col((p) => p.name),
    col((p) => p.description),
    col((p) => p.brand),
    col((p) => p.department),
    col((p) => p.unit),
    col((p) => p.packSize),
    col((p) => p.price.toFixed(2)),
    col((p) => p.cost.toFixed(2)),
    col((p) => p.reorderPoint),
    col((p) => p.reorderQuantity),
    col((p) => p.aisle),
    col((p) => (p.aisle ? p.row : null)),
    col((p) => (p.aisle ? p.bin : null)),
    col((p) =>
      p.expiresInDays === null
        ? null
        : new Date(lastDay + p.expiresInDays * DAY_MS).toISOString().slice(0, 10),
    ),
    col((p) => p.active),
    col(
      (p) =>
        new Date(
          ctx.firstDay.getTime() - p.createdDaysBefore * DAY_MS + rng.int(8 * 60, 18 * 60) * 60_000,
        ),
    ),
    col((p) => {
      const fmax = ctx.maxFactor * (1 + Math.abs(p.trend) / 2);
      return Math.floor(p.linesPerDay * ctx.days * fmax + rng.next());
    }),
    col((p) => ctx.maxFactor * (1 + Math.abs(p.trend) / 2)),
    col((p) => p.unitsPerLine),
    col((p) => p.trend),
    col((p) => p.stopDay),
    col((p) => p.casePack),
    col((p) => p.safetyStock),
    col((p) => p.finalStock),
    col((p) => p.deliveryEvery),
    col((p) => p.deliveryOffset),
    col(lastCycle),
    col((p) => Math.floor(p.wastePerDay * ctx.days + rng.next())),
    col((p) => p.wasteReason),
    col((p) => SUPPLIERS[p.supplier]!.name),
  ];
}
