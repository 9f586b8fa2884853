/**
 * Optimising a list, step one: the supplier each open item goes to. Per item by price and
 * lead time (supplier-choice.ts), the preferred suppliers first; with `consolidateOrders`,
 * then as few suppliers as cover the list (greedy set cover: the supplier that can deliver
 * the most items in time takes them, then the next), even at a higher price.
 */
import type { ItemRow } from './shopping-lists.repo';
import type { SupplierOption } from './suggestion';
import { chooseSupplier } from './supplier-choice';

export interface Target {
  supplier: SupplierOption | undefined;
  /** Why, when it is not simply the cheapest known. */
  why?: string;
  /** The cheaper supplier not chosen because it cannot deliver in time. */
  passedOver?: SupplierOption;
}

export interface TargetCriteria {
  minimizeCost: boolean;
  preferred?: ReadonlySet<string>;
  consolidateOrders: boolean;
}

const inTime = (o: SupplierOption, runsOut: number | null) =>
  runsOut === null || o.leadTimeDays <= runsOut;

export function targetsOf(
  open: readonly ItemRow[],
  options: Map<string, SupplierOption[]>,
  c: TargetCriteria & {
    allowed?: ReadonlySet<string>;
    runsOutInDays: (productId: string) => number | null;
  },
): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const row of open) {
    const all = options.get(row.product_id) ?? [];
    const runsOut = c.runsOutInDays(row.product_id);
    const current = all.find((o) => o.supplierId === row.supplier_id);
    const choice = chooseSupplier(all, {
      allowed: c.allowed,
      runsOutInDays: runsOut,
      preferred: c.preferred,
    });
    const keep =
      !c.minimizeCost &&
      current?.usable &&
      (!c.allowed || c.allowed.has(current.supplierId)) &&
      inTime(current, runsOut) &&
      !(c.preferred && choice.supplier && c.preferred.has(choice.supplier.supplierId));
    if (keep) out.set(row.id, { supplier: current });
    else if (choice.why) out.set(row.id, choice);
    else if (choice.supplier && c.preferred?.has(choice.supplier.supplierId))
      out.set(row.id, { supplier: choice.supplier, why: `${choice.supplier.name} is preferred` });
    else
      out.set(row.id, {
        supplier: choice.supplier && choice.supplier.cost !== null ? choice.supplier : current,
      });
  }
  if (c.consolidateOrders) consolidate(open, options, c, out);
  return out;
}

function consolidate(
  open: readonly ItemRow[],
  options: Map<string, SupplierOption[]>,
  c: TargetCriteria & {
    allowed?: ReadonlySet<string>;
    runsOutInDays: (productId: string) => number | null;
  },
  targets: Map<string, Target>,
) {
  const before = new Set([...targets.values()].map((t) => t.supplier?.supplierId ?? ''));
  // Who can take each item: usable, allowed, a known price, in time.
  const eligible = new Map(
    open.map((row) => [
      row.id,
      (options.get(row.product_id) ?? []).filter(
        (o) =>
          o.usable &&
          o.cost !== null &&
          (!c.allowed || c.allowed.has(o.supplierId)) &&
          inTime(o, c.runsOutInDays(row.product_id)),
      ),
    ]),
  );
  let left = open.filter((row) => eligible.get(row.id)!.length > 0);
  const chosen = new Map<string, SupplierOption>();
  while (left.length) {
    const cover = new Map<string, { option: SupplierOption; rows: ItemRow[]; cents: number }>();
    for (const row of left) {
      for (const o of eligible.get(row.id)!) {
        const entry = cover.get(o.supplierId) ?? { option: o, rows: [], cents: 0 };
        entry.rows.push(row);
        entry.cents += Math.round(o.cost! * 100) * row.quantity;
        cover.set(o.supplierId, entry);
      }
    }
    const best = [...cover.values()].sort(
      (a, b) =>
        b.rows.length - a.rows.length ||
        Number(c.preferred?.has(b.option.supplierId) ?? false) -
          Number(c.preferred?.has(a.option.supplierId) ?? false) ||
        a.cents - b.cents ||
        a.option.name.localeCompare(b.option.name),
    )[0]!;
    for (const row of best.rows) {
      chosen.set(
        row.id,
        eligible.get(row.id)!.find((o) => o.supplierId === best.option.supplierId)!,
      );
    }
    left = left.filter((row) => !chosen.has(row.id));
  }
  const after = new Set(
    open.map((row) => (chosen.get(row.id) ?? targets.get(row.id)!.supplier)?.supplierId ?? ''),
  );
  // Cheaper per item and no fewer orders: nothing to consolidate.
  if (after.size >= before.size) return;
  const orders = `${after.size} ${after.size === 1 ? 'order' : 'orders'} instead of ${before.size}`;
  for (const [rowId, option] of chosen) {
    const prior = targets.get(rowId)!;
    if (prior.supplier?.supplierId === option.supplierId) continue;
    const others =
      [...chosen.values()].filter((o) => o.supplierId === option.supplierId).length - 1;
    targets.set(rowId, {
      supplier: option,
      why: `consolidated: ${option.name} also supplies ${others} other ${others === 1 ? 'item' : 'items'} on this list (${orders})`,
    });
  }
}
