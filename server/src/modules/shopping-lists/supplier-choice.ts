/**
 * Which supplier an item is bought from: price weighed against lead time. The cheapest known
 * cost wins, unless the product runs out before that supplier can deliver; then the cheapest
 * of those that can deliver in time, and when none can, the fastest. Preferred suppliers (an
 * optimisation's criteria) come first among those that deliver in time. The one choice of
 * reorder lists, their optimisation, the reorder plan and lists made from it (assess.ts).
 *
 * `why` is read by everyone who sees the list, employees too, so it names suppliers and days,
 * never prices; the cheaper supplier passed over is returned (`passedOver`) for the answer's
 * money fields, which the money rule nulls for roles that may not see costs.
 */
import { dayWords } from '../forecasting/lead-times';
import { cheapestSupplier, type SupplierOption } from './suggestion';

export interface SupplierChoice {
  supplier: SupplierOption | undefined;
  /** Set when lead time, not price, decided: why, in words (no money). */
  why?: string;
  /** The cheaper supplier not chosen because it cannot deliver in time. */
  passedOver?: SupplierOption;
}

const leadOf = (o: SupplierOption) => o.leadTimeDays;

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
  const runs = out < 1 ? 'runs out within a day' : `runs out in about ${dayWords(Math.floor(out))}`;
  const fastest = cheapestSupplier(inTime);
  if (fastest) {
    return {
      supplier: fastest,
      why: `${runs}: ${fastest.name} delivers in ${dayWords(leadOf(fastest))}, ${cheapest.name} needs ${dayWords(leadOf(cheapest))}`,
      passedOver: cheapest,
    };
  }
  const quickest = [...usable].sort(
    (a, b) => leadOf(a) - leadOf(b) || (a.cost ?? Infinity) - (b.cost ?? Infinity),
  )[0]!;
  if (leadOf(quickest) >= leadOf(cheapest)) return { supplier: cheapest };
  return {
    supplier: quickest,
    why: `${runs}, before any supplier can deliver: ${quickest.name} is the fastest (${dayWords(leadOf(quickest))})`,
    passedOver: cheapest,
  };
}
