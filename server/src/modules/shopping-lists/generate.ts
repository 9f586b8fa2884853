import { UnprocessableError, ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import { assess, type AssessDeps } from './assess';
import { candidates, existingIds } from './candidates';
import type { ReorderSources } from './reorder-sources';
import { DEMAND_WINDOW_DAYS } from './demand';
import type { NewItem } from './shopping-lists.repo';
import type { Criteria } from './shopping-lists.schemas';
import { addDays, type Priority } from './suggestion';

/** The purchasing module's stock on order per product. */
export type OnOrderFor = AssessDeps['onOrderFor'];

/** What generating a list reads through other modules' services. */
export type GenerateDeps = AssessDeps;

/** A list holds at most this many items, the most pressing first. */
export const MAX_ITEMS = 1000;

const RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/**
 * Categories and suppliers the criteria name must be this store's: else a 400 naming each
 * (`criteria.<field>.<i>`, or `<suppliersField>.<i>` for suppliers when given).
 */
export async function assertCriteriaIds(
  sources: ReorderSources,
  db: Db,
  storeId: string,
  c: Pick<Criteria, 'categories' | 'suppliers'>,
  suppliersField = 'criteria.suppliers',
) {
  const details: ErrorDetail[] = [];
  for (const [field, table] of [
    ['categories', 'categories'],
    ['suppliers', 'suppliers'],
  ] as const) {
    const ids = c[field] ?? [];
    const found = await existingIds(sources, db, storeId, table, ids);
    const prefix = field === 'suppliers' ? suppliersField : `criteria.${field}`;
    ids.forEach((id, i) => {
      if (!found.has(id)) {
        details.push({
          field: `${prefix}.${i}`,
          message: `no such ${table === 'categories' ? 'category' : 'supplier'} in this store`,
          code: 'not_found',
        });
      }
    });
  }
  if (details.length) throw new ValidationError(details);
}

/**
 * The items a list generated from `criteria` holds: each candidate product as assess.ts
 * decides it (supplier by price and lead time, demand, what is on order and counts), with the
 * cheaper supplier passed over for lead time, if any (a money field of the answer). Nothing
 * due is a 422: no empty list is made.
 */
export async function buildItems(
  db: Db,
  deps: GenerateDeps,
  storeId: string,
  timezone: string,
  criteria: Criteria,
  today: string,
): Promise<NewItem[]> {
  const products = await candidates(deps.sources, db, storeId, {
    threshold: criteria.lowStockThreshold,
    // Wide enough for any lead time; `needOf` applies each product's own horizon.
    expiringBy:
      criteria.includeExpiring === false
        ? undefined
        : addDays(
            today,
            criteria.includeExpiring === true ? 365 + criteria.daysAhead : criteria.includeExpiring,
          ),
    soldWithinDays: DEMAND_WINDOW_DAYS,
    categories: criteria.categories,
    suppliers: criteria.suppliers,
  });
  const assessed = await assess(db, deps, storeId, timezone, products, criteria, today);
  const items = assessed.flatMap(({ product: p, choice, suggestion }) => {
    if (!suggestion) return [];
    const { supplier, passedOver } = choice;
    return [
      {
        productId: p.id,
        supplierId: supplier?.supplierId ?? null,
        ...suggestion,
        estimatedUnitCost: supplier?.cost ?? p.cost,
        passedOver: passedOver
          ? {
              supplierId: passedOver.supplierId,
              unitCost: passedOver.cost,
              leadTimeDays: passedOver.leadTimeDays,
            }
          : null,
      },
    ];
  });
  if (!items.length) throw nothingToReorder(criteria);
  // Stable: within a priority, the candidates' order (by name).
  return items.sort((a, b) => RANK[a.priority] - RANK[b.priority]).slice(0, MAX_ITEMS);
}

/** Why no list was made, in the criteria's own terms. */
function nothingToReorder(c: Criteria) {
  const low =
    c.lowStockThreshold !== undefined
      ? `is under ${c.lowStockThreshold} units`
      : 'is at or below its reorder point';
  const short = `runs short within its lead time and ${c.daysAhead} ${c.daysAhead === 1 ? 'day' : 'days'} ahead`;
  const what =
    c.includeExpiring === false ? `${low} or ${short}` : `${low}, ${short}, or expires by then`;
  return new UnprocessableError(
    `Nothing needs reordering with these criteria: no product ${what}. No list was made.`,
  );
}
