import type { Db } from '../../../db/pool';
import { one } from '../../../db/rows';
import type { TaxRule } from './pricing';

export interface CheckoutSettings {
  pricesIncludeTax: boolean;
  defaultTaxRateId: string | null;
  address: string | null;
  /** How much an employee may take off a sale, percent of its list prices (0: nothing). */
  employeeDiscountLimitPercent: number;
}

export interface TaxRate {
  id: string;
  name: string;
  rateBps: number;
  categoryIds: string[];
  productIds: string[];
  createdAt: string;
  updatedAt: string;
}

const DEFAULTS: CheckoutSettings = {
  pricesIncludeTax: false,
  defaultTaxRateId: null,
  address: null,
  employeeDiscountLimitPercent: 0,
};

interface SettingsRow {
  prices_include_tax: boolean;
  default_tax_rate_id: string | null;
  address: string | null;
  employee_discount_limit_bps: number;
}

const toSettings = (r: SettingsRow | undefined): CheckoutSettings =>
  r
    ? {
        pricesIncludeTax: r.prices_include_tax,
        defaultTaxRateId: r.default_tax_rate_id,
        address: r.address,
        employeeDiscountLimitPercent: r.employee_discount_limit_bps / 100,
      }
    : DEFAULTS;

export async function findSettings(db: Db, storeId: string): Promise<CheckoutSettings> {
  const { rows } = await db.query<SettingsRow>(
    `SELECT prices_include_tax, default_tax_rate_id, address, employee_discount_limit_bps
     FROM checkout_settings WHERE store_id = $1`,
    [storeId],
  );
  return toSettings(rows[0]);
}

export async function saveSettings(
  db: Db,
  storeId: string,
  s: CheckoutSettings,
): Promise<CheckoutSettings> {
  const { rows } = await db.query<SettingsRow>(
    `INSERT INTO checkout_settings AS c (store_id, prices_include_tax, default_tax_rate_id, address,
       employee_discount_limit_bps)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (store_id) DO UPDATE SET prices_include_tax = $2, default_tax_rate_id = $3,
       address = $4, employee_discount_limit_bps = $5, updated_at = now()
     RETURNING prices_include_tax, default_tax_rate_id, address, employee_discount_limit_bps`,
    [
      storeId,
      s.pricesIncludeTax,
      s.defaultTaxRateId,
      s.address,
      Math.round(s.employeeDiscountLimitPercent * 100),
    ],
  );
  return toSettings(one(rows));
}

/**
 * What a sale needs of the store's checkout, in one query: the settings and, for these
 * products and categories only, the rate each falls under (the product's own, else its
 * category's, else the default: resolved by `taxOf`).
 */
export async function rulesFor(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  categoryIds: readonly string[],
) {
  const { rows } = await db.query<{
    settings: SettingsRow | null;
    default_rate: TaxRule | null;
    targets: Array<{ product_id: string | null; category_id: string | null } & TaxRule>;
  }>({
    // Prepared once per connection: every sale and quote reads it.
    name: 'checkout.rules-for',
    text: `SELECT
       (SELECT row_to_json(c) FROM (SELECT prices_include_tax, default_tax_rate_id, address,
           employee_discount_limit_bps FROM checkout_settings WHERE store_id = $1) c) AS settings,
       (SELECT json_build_object('id', r.id, 'name', r.name, 'rateBps', r.rate_bps)
        FROM checkout_settings c JOIN tax_rates r ON r.store_id = c.store_id AND r.id = c.default_tax_rate_id
        WHERE c.store_id = $1) AS default_rate,
       (SELECT coalesce(json_agg(json_build_object('product_id', t.product_id,
           'category_id', t.category_id, 'id', r.id, 'name', r.name, 'rateBps', r.rate_bps)), '[]')
        FROM tax_rate_targets t JOIN tax_rates r ON r.store_id = t.store_id AND r.id = t.tax_rate_id
        WHERE t.store_id = $1 AND (t.product_id = ANY($2::uuid[]) OR t.category_id = ANY($3::uuid[]))
       ) AS targets`,
    values: [storeId, productIds, categoryIds],
  });
  const r = one(rows);
  const rule = ({ id, name, rateBps }: TaxRule): TaxRule => ({ id, name, rateBps });
  const byProduct = new Map<string, TaxRule>();
  const byCategory = new Map<string, TaxRule>();
  for (const t of r.targets) {
    if (t.product_id) byProduct.set(t.product_id, rule(t));
    if (t.category_id) byCategory.set(t.category_id, rule(t));
  }
  return {
    settings: toSettings(r.settings ?? undefined),
    taxOf: (productId: string, categoryId: string | null): TaxRule | null =>
      byProduct.get(productId) ??
      (categoryId ? byCategory.get(categoryId) : undefined) ??
      r.default_rate,
  };
}

export type CheckoutRules = Awaited<ReturnType<typeof rulesFor>>;

const RATE = `SELECT r.id, r.name, r.rate_bps AS "rateBps",
    coalesce((SELECT array_agg(t.category_id ORDER BY t.category_id) FROM tax_rate_targets t
      WHERE t.tax_rate_id = r.id AND t.category_id IS NOT NULL), '{}') AS "categoryIds",
    coalesce((SELECT array_agg(t.product_id ORDER BY t.product_id) FROM tax_rate_targets t
      WHERE t.tax_rate_id = r.id AND t.product_id IS NOT NULL), '{}') AS "productIds",
    to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
    to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
  FROM tax_rates r`;

export async function listRates(db: Db, storeId: string): Promise<TaxRate[]> {
  const { rows } = await db.query<TaxRate>(
    `${RATE} WHERE r.store_id = $1 ORDER BY r.rate_bps, lower(r.name), r.id`,
    [storeId],
  );
  return rows;
}

export async function findRate(db: Db, storeId: string, id: string): Promise<TaxRate | undefined> {
  const { rows } = await db.query<TaxRate>(`${RATE} WHERE r.store_id = $1 AND r.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0];
}

/** A rate locked for an edit or a delete (a missing one: false). */
export async function lockRate(db: Db, storeId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'SELECT 1 FROM tax_rates WHERE store_id = $1 AND id = $2 FOR UPDATE',
    [storeId, id],
  );
  return rowCount === 1;
}

export async function insertRate(
  db: Db,
  storeId: string,
  r: { name: string; rateBps: number },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO tax_rates (store_id, name, rate_bps) VALUES ($1, $2, $3) RETURNING id',
    [storeId, r.name, r.rateBps],
  );
  return one(rows).id;
}

export async function updateRate(
  db: Db,
  storeId: string,
  id: string,
  r: { name?: string; rateBps?: number },
): Promise<void> {
  await db.query(
    `UPDATE tax_rates SET name = coalesce($3, name), rate_bps = coalesce($4, rate_bps),
       updated_at = now() WHERE store_id = $1 AND id = $2`,
    [storeId, id, r.name ?? null, r.rateBps ?? null],
  );
}

/**
 * Gives the rate these categories and products: taken from whatever rate had them, and the
 * rate's others that are not listed let go (the lists say all it applies to).
 */
export async function setTargets(
  db: Db,
  storeId: string,
  id: string,
  targets: { categoryIds?: readonly string[]; productIds?: readonly string[] },
): Promise<void> {
  for (const [column, ids] of [
    ['category_id', targets.categoryIds],
    ['product_id', targets.productIds],
  ] as const) {
    if (!ids) continue;
    await db.query(
      `DELETE FROM tax_rate_targets WHERE store_id = $1
         AND ((tax_rate_id = $2 AND ${column} IS NOT NULL) OR ${column} = ANY($3::uuid[]))`,
      [storeId, id, ids],
    );
    await db.query(
      `INSERT INTO tax_rate_targets (store_id, tax_rate_id, ${column})
       SELECT $1, $2, unnest($3::uuid[])`,
      [storeId, id, ids],
    );
  }
}

export async function deleteRate(db: Db, storeId: string, id: string): Promise<void> {
  await db.query(
    `UPDATE checkout_settings SET default_tax_rate_id = NULL, updated_at = now()
     WHERE store_id = $1 AND default_tax_rate_id = $2`,
    [storeId, id],
  );
  await db.query('DELETE FROM tax_rates WHERE store_id = $1 AND id = $2', [storeId, id]);
}

/** The rate given to this product itself (not its category's or the default), or null. */
export async function productRate(db: Db, storeId: string, productId: string) {
  const { rows } = await db.query<{ tax_rate_id: string }>(
    `SELECT tax_rate_id FROM tax_rate_targets WHERE store_id = $1 AND product_id = $2`,
    [storeId, productId],
  );
  return rows[0]?.tax_rate_id ?? null;
}

/** Gives the product this rate of its own, or none (null: its category's or the default). */
export async function setProductRate(
  db: Db,
  storeId: string,
  productId: string,
  rateId: string | null,
) {
  await db.query('DELETE FROM tax_rate_targets WHERE store_id = $1 AND product_id = $2', [
    storeId,
    productId,
  ]);
  if (rateId)
    await db.query(
      'INSERT INTO tax_rate_targets (store_id, tax_rate_id, product_id) VALUES ($1, $2, $3)',
      [storeId, rateId, productId],
    );
}
