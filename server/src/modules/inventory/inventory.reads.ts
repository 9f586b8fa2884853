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
