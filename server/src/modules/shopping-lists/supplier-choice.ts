/**
 * Which supplier an item is bought from: price weighed against lead time. The cheapest known
 * cost wins, unless the product runs out before that supplier can deliver; then the cheapest
 * of those that can deliver in time, and when none can, the fastest. Preferred suppliers (an
 * optimisation's criteria) come first among those that deliver in time.
 */
import { cheapestSupplier, type SupplierOption } from './suggestion';

export interface SupplierChoice {
  supplier: SupplierOption | undefined;
  /** Set when lead time, not price, decided: why, in words. */
  why?: string;
}

const leadOf = (o: SupplierOption) => o.leadTimeDays ?? 0;
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const money = (n: number | null) => (n === null ? 'an unknown cost' : n.toFixed(2));

export function chooseSupplier(
  options: readonly SupplierOption[],
  c: {
    /** Only these suppliers (a list generated for some suppliers). */
    allowed?: ReadonlySet<string>;
    /** Days until the product is out (stock and deliveries due before then); null: never. */
    runsOutInDays: number | null;
    preferred?: ReadonlySet<string>;
  },
): SupplierChoice {
  const usable = options.filter((o) => o.usable && (!c.allowed || c.allowed.has(o.supplierId)));
  const out = c.runsOutInDays;
  const inTime = out === null ? usable : usable.filter((o) => leadOf(o) <= out);
  const preferred = c.preferred
    ? inTime.filter((o) => c.preferred!.has(o.supplierId) && o.cost !== null)
    : [];
  if (preferred.length) return { supplier: cheapestSupplier(preferred) };
  const cheapest = cheapestSupplier(usable);
  if (!cheapest || out === null || leadOf(cheapest) <= out) return { supplier: cheapest };
  const runs = out < 1 ? 'runs out within a day' : `runs out in about ${days(Math.floor(out))}`;
  const fastest = cheapestSupplier(inTime);
  if (fastest) {
    return {
      supplier: fastest,
      why: `${runs}: ${fastest.name} delivers in ${days(leadOf(fastest))}, ${cheapest.name} (${money(cheapest.cost)}) needs ${days(leadOf(cheapest))}`,
    };
  }
  const quickest = [...usable].sort(
    (a, b) => leadOf(a) - leadOf(b) || (a.cost ?? Infinity) - (b.cost ?? Infinity),
  )[0]!;
  if (leadOf(quickest) >= leadOf(cheapest)) return { supplier: cheapest };
  return {
    supplier: quickest,
    why: `${runs}, before any supplier can deliver: ${quickest.name} is the fastest (${days(leadOf(quickest))})`,
  };
}
