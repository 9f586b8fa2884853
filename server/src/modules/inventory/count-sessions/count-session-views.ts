import type { CountLine } from './count-lines.repo';
import type { CountSession } from './count-sessions.repo';

/** A line as counters see it: the books at the start are hidden while a blind count is open. */
export interface CountLineView {
  productId: string;
  name: string;
  sku: string;
  barcode: string | null;
  unit: string | null;
  location: CountLine['location'];
  expectedQuantity: number | null;
  countedQuantity: number | null;
  countedAt: string | null;
  countedBy: string | null;
}

export function viewOf(session: CountSession, lines: CountLine[]) {
  const hide = session.blind && session.status === 'open';
  return {
    ...session,
    lines: lines.map((l): CountLineView => ({
      productId: l.productId,
      name: l.name,
      sku: l.sku,
      barcode: l.barcode,
      unit: l.unit,
      location: l.location,
      expectedQuantity: hide ? null : l.expectedQuantity,
      countedQuantity: l.countedQuantity,
      countedAt: l.countedAt,
      countedBy: l.countedBy,
    })),
  };
}

export type CountSessionView = ReturnType<typeof viewOf>;

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The differences of the counted lines: counted against the stock when each was counted (the
 * books now less what moved since, `since`; a posted line keeps what it posted), valued at the
 * product's cost. A difference is never more than the stock now can give.
 */
export function reviewOf(session: CountSession, lines: CountLine[], since: Map<string, number>) {
  const rows = lines.map((l) => {
    let stockAtCount: number | null = null;
    let difference: number | null = null;
    if (l.postedDelta !== null) {
      stockAtCount = l.stockAtCount;
      difference = l.postedDelta;
    } else if (l.countedQuantity !== null && session.status === 'open') {
      stockAtCount = l.quantity - (since.get(l.productId) ?? 0);
      difference = Math.max(l.countedQuantity - stockAtCount, -l.quantity);
    }
    return {
      productId: l.productId,
      name: l.name,
      sku: l.sku,
      location: l.location,
      expectedQuantity: l.expectedQuantity,
      countedQuantity: l.countedQuantity,
      countedAt: l.countedAt,
      stockAtCount,
      difference,
      unitCost: l.cost,
      value: difference === null || l.cost === null ? null : cents(difference * l.cost),
    };
  });
  const counted = rows.filter((r) => r.countedQuantity !== null);
  const differing = counted.filter((r) => r.difference);
  return {
    session,
    lines: rows,
    totals: {
      lines: rows.length,
      counted: counted.length,
      withDifference: differing.length,
      unitsOver: differing.reduce((a, r) => a + Math.max(r.difference!, 0), 0),
      unitsUnder: differing.reduce((a, r) => a + Math.max(-r.difference!, 0), 0),
      value: cents(differing.reduce((a, r) => a + (r.value ?? 0), 0)),
    },
  };
}
