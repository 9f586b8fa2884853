import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import { expiryCap, shelfLifeDays, stockCover } from '../forecasting/stock-cover';
import type { InventoryService } from '../inventory/inventory.service';
import { arrivalsOf, dueBy } from '../purchasing/on-order';
import type { PurchasingService } from '../purchasing/purchasing.service';
import * as candidatesRepo from './candidates.repo';
import { DEMAND_WINDOW_DAYS, dailyDemand } from './demand';
import type { NewItem } from './shopping-lists.repo';
import type { Criteria } from './shopping-lists.schemas';
import { addDays, daysBetween, suggest, type Priority } from './suggestion';
import { chooseSupplier } from './supplier-choice';

/** The purchasing module's stock on order per product. */
export type OnOrderFor = PurchasingService['onOrderFor'];

/** What generating a list reads through other modules' services. */
export interface GenerateDeps {
  onOrderFor: OnOrderFor;
  lastStockInDays: InventoryService['lastStockInDays'];
}

/** A list holds at most this many items, the most pressing first. */
export const MAX_ITEMS = 1000;

const RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/**
 * Categories and suppliers the criteria name must be this store's: else a 400 naming each
 * (`criteria.<field>.<i>`, or `<suppliersField>.<i>` for suppliers when given).
 */
export async function assertCriteriaIds(
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
    const found = await candidatesRepo.existingIds(db, storeId, table, ids);
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
 * The items a list generated from `criteria` holds: each candidate product with its
 * supplier (the cheapest known, unless it runs out before that one can deliver), its demand,
 * what is on order, and what `suggest` makes of them.
 */
export async function buildItems(
  db: Db,
  deps: GenerateDeps,
  storeId: string,
  timezone: string,
  criteria: Criteria,
  today: string,
): Promise<NewItem[]> {
  const products = await candidatesRepo.candidates(db, storeId, {
    threshold: criteria.lowStockThreshold,
    // Wide enough for any lead time; `suggest` applies each product's own horizon.
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
  const ids = products.map((p) => p.id);
  const [options, onOrder, stockIn] = await Promise.all([
    candidatesRepo.supplierOptions(db, storeId, ids),
    deps.onOrderFor(db, storeId, ids),
    deps.lastStockInDays(db, storeId, timezone, ids),
  ]);
  const allowed = criteria.suppliers ? new Set(criteria.suppliers) : undefined;
  const longestLead = Math.max(0, ...[...options.values()].flat().map((o) => o.leadTimeDays ?? 0));
  const demand = await dailyDemand(db, storeId, ids, longestLead + criteria.daysAhead);

  const items = products.flatMap((p) => {
    const perDay = demand.get(p.id) ?? 0;
    const ordered = onOrder.get(p.id)!;
    const runsOutInDays = stockCover({
      stock: p.quantity,
      perDay,
      arrivals: arrivalsOf(ordered, today),
      expiresInDays: p.expiresAt ? daysBetween(today, p.expiresAt) : null,
    }).days;
    const choice = chooseSupplier(options.get(p.id)!, { allowed, runsOutInDays });
    const supplier = choice.supplier;
    const lead = supplier?.leadTimeDays ?? 0;
    const s = suggest(p, perDay, supplier, criteria, today, {
      onOrder: dueBy(ordered, addDays(today, lead + criteria.daysAhead)),
      runsOutInDays,
      supplierWhy: choice.why,
      expiryCap: expiryCap({
        perDay,
        shelfLife: shelfLifeDays(p.expiresAt, stockIn.get(p.id)),
        leadDays: lead,
        onOrder: ordered,
        today,
      }),
    });
    if (!s) return [];
    return [
      {
        productId: p.id,
        supplierId: supplier?.supplierId ?? null,
        ...s,
        estimatedUnitCost: supplier?.cost ?? p.cost,
      },
    ];
  });
  // Stable: within a priority, the candidates' order (by name).
  return items.sort((a, b) => RANK[a.priority] - RANK[b.priority]).slice(0, MAX_ITEMS);
}
