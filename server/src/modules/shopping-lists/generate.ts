import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import * as candidatesRepo from './candidates.repo';
import { DEMAND_WINDOW_DAYS, dailyDemand } from './demand';
import type { NewItem } from './shopping-lists.repo';
import type { Criteria } from './shopping-lists.schemas';
import { addDays, cheapestSupplier, suggest, type Priority } from './suggestion';

/** A list holds at most this many items, the most pressing first. */
export const MAX_ITEMS = 1000;

const RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/** Categories and suppliers the criteria name must be this store's: else a 400 naming each. */
export async function assertCriteriaIds(db: Db, storeId: string, c: Criteria) {
  const details: ErrorDetail[] = [];
  for (const [field, table] of [
    ['categories', 'categories'],
    ['suppliers', 'suppliers'],
  ] as const) {
    const ids = c[field] ?? [];
    const found = await candidatesRepo.existingIds(db, storeId, table, ids);
    ids.forEach((id, i) => {
      if (!found.has(id)) {
        details.push({
          field: `criteria.${field}.${i}`,
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
 * preferred supplier (the cheapest known), its demand, and what `suggest` makes of them.
 */
export async function buildItems(
  db: Db,
  storeId: string,
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
  const options = await candidatesRepo.supplierOptions(db, storeId, ids);
  const allowed = criteria.suppliers ? new Set(criteria.suppliers) : undefined;
  const preferred = new Map(ids.map((id) => [id, cheapestSupplier(options.get(id)!, allowed)]));
  const longestLead = Math.max(0, ...[...preferred.values()].map((s) => s?.leadTimeDays ?? 0));
  const demand = await dailyDemand(db, storeId, ids, longestLead + criteria.daysAhead);

  const items = products.flatMap((p) => {
    const supplier = preferred.get(p.id);
    const s = suggest(p, demand.get(p.id) ?? 0, supplier, criteria, today);
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
