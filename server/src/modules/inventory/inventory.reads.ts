import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/** A product whose stock or expiry is something a store should hear about. */
export interface StockCondition {
  productId: string;
  name: string;
  quantity: number;
  reorderPoint: number;
  /** The product's expiry date (`YYYY-MM-DD`), for expiry conditions. */
  expiresOn: string | null;
}

type ConditionRow = Row<'products', 'id' | 'name' | 'quantity' | 'reorder_point'> & {
  expires_on: string | null;
};

const SELECT = `SELECT id, name, quantity, reorder_point, expires_at::text AS expires_on
  FROM products`;

const toCondition = (r: ConditionRow): StockCondition => ({
  productId: r.id,
  name: r.name,
  quantity: r.quantity,
  reorderPoint: r.reorder_point,
  expiresOn: r.expires_on,
});

/**
 * What other modules may read of the stock (this module owns the stock columns of
 * `products`): plain functions of a `Db`, handed to them by the composition root.
 */
const DAY_MS = 86_400_000;
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The days of [from, to), listed once per read rather than once per product. */
const daysOf = (from: string, to: string) => {
  const days: string[] = [];
  for (let day = from; day < to; day = nextDay(day)) days.push(day);
  return days;
};

/** A product's ledger around a stretch of days: the quantity before it, and per day of movement its highest and closing quantity. */
interface LedgerDays {
  opening: number;
  days: Map<string, { high: number; closing: number }>;
}

/**
 * The days of [from, to) on which the product had no stock at any moment: it started the day at
 * 0 (or before its first movement) and no movement that day took it above 0. Pure: the walk
 * over what `zeroStockDays` read.
 */
export function wholeDaysWithoutStock(
  ledger: LedgerDays,
  from: string,
  to: string,
  days: readonly string[] = daysOf(from, to),
): string[] {
  const out: string[] = [];
  let quantity = ledger.opening;
  for (const day of days) {
    const moved = ledger.days.get(day);
    if (quantity <= 0 && (!moved || moved.high <= 0)) out.push(day);
    if (moved) quantity = moved.closing;
  }
  return out;
}
export const inventoryReads = {
  /** Active products at or below their reorder point (a point of 0 counts only at 0). */
  async lowOrOut(db: Db, storeId: string): Promise<StockCondition[]> {
    const { rows } = await db.query<ConditionRow>(
      `${SELECT} WHERE store_id = $1 AND active AND quantity <= reorder_point ORDER BY name, id`,
      [storeId],
    );
    return rows.map(toCondition);
  },

  /** The names of the active products among these. */
  async activeNames(
    db: Db,
    storeId: string,
    ids: readonly string[],
  ): Promise<{ id: string; name: string }[]> {
    if (!ids.length) return [];
    const { rows } = await db.query<Row<'products', 'id' | 'name'>>(
      'SELECT id, name FROM products WHERE store_id = $1 AND active AND id = ANY($2::uuid[])',
      [storeId, ids],
    );
    return rows;
  },

  /** Active products in stock among these, with their quantities. */
  async inStock(db: Db, storeId: string, ids: readonly string[]): Promise<StockCondition[]> {
    if (!ids.length) return [];
    const { rows } = await db.query<ConditionRow>(
      `${SELECT} WHERE store_id = $1 AND active AND quantity > 0 AND id = ANY($2::uuid[])
       ORDER BY name, id`,
      [storeId, ids],
    );
    return rows.map(toCondition);
  },

  /**
   * Per product, the store days of [from, to) (`YYYY-MM-DD`) it had no stock the whole day, by
   * its ledger (stock_movements' quantity after each movement): the days forecasting leaves
   * out as missing rather than zero demand, including those before its first stock. A product
   * without any movement is left out of the map (its stock history is unknown, not empty).
   */
  async zeroStockDays(
    db: Db,
    storeId: string,
    timezone: string,
    ids: readonly string[],
    from: string,
    to: string,
  ): Promise<Map<string, string[]>> {
    if (!ids.length) return new Map();
    // the quantity before `from`: one index probe per product (stock_movements_product_idx)
    const opening = await db.query<{ product_id: string; quantity: number }>(
      `SELECT x.id AS product_id, m.quantity_after AS quantity
       FROM unnest($2::uuid[]) AS x(id)
       CROSS JOIN LATERAL (
         SELECT quantity_after FROM stock_movements
         WHERE store_id = $1 AND product_id = x.id AND created_at < ($3::date::timestamp AT TIME ZONE $4)
         ORDER BY created_at DESC, id DESC LIMIT 1
       ) m`,
      [storeId, ids, from, timezone],
    );
    const moves = await db.query<{
      product_id: string;
      day: string;
      high: number;
      closing: number;
    }>(
      `SELECT product_id, to_char((created_at AT TIME ZONE $5)::date, 'YYYY-MM-DD') AS day,
         max(quantity_after) AS high,
         (array_agg(quantity_after ORDER BY created_at DESC, id DESC))[1] AS closing
       FROM stock_movements
       WHERE store_id = $1 AND product_id = ANY($2::uuid[])
         AND created_at >= ($3::date::timestamp AT TIME ZONE $5)
         AND created_at < ($4::date::timestamp AT TIME ZONE $5)
       GROUP BY 1, 2`,
      [storeId, ids, from, to, timezone],
    );
    const ledgers = new Map<string, LedgerDays>();
    const ledgerOf = (id: string) => {
      let l = ledgers.get(id);
      if (!l) ledgers.set(id, (l = { opening: 0, days: new Map() }));
      return l;
    };
    for (const r of opening.rows) ledgerOf(r.product_id).opening = r.quantity;
    for (const r of moves.rows)
      ledgerOf(r.product_id).days.set(r.day, { high: r.high, closing: r.closing });
    const out = new Map<string, string[]>();
    const days = daysOf(from, to);
    for (const [id, ledger] of ledgers) out.set(id, wholeDaysWithoutStock(ledger, from, to, days));
    return out;
  },

  /** Active products in stock whose expiry date is on or before `until` (`YYYY-MM-DD`). */
  async expiringBy(db: Db, storeId: string, until: string): Promise<StockCondition[]> {
    const { rows } = await db.query<ConditionRow>(
      `${SELECT} WHERE store_id = $1 AND active AND quantity > 0 AND expires_at <= $2::date
       ORDER BY expires_at, name, id`,
      [storeId, until],
    );
    return rows.map(toCondition);
  },
};

export type InventoryReads = typeof inventoryReads;
