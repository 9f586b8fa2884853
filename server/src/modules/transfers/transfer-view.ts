import type { LineRow } from './transfers.repo';
import type { Direction, TransferStatus } from './transfers.schemas';

interface Head {
  id: string;
  store_id: string;
  to_store_id: string;
  status: TransferStatus;
  note: string | null;
  receive_note: string | null;
  created_at: Date;
  sent_at: Date | null;
  received_at: Date | null;
  cancelled_at: Date | null;
  line_count: number;
  units: number;
}

/** A transfer in a list, as the store `viewer` sees it (`outgoing` from it or `incoming`). */
export function toSummary(viewer: string, t: Head, names: Map<string, string>) {
  const direction: Direction = t.store_id === viewer ? 'outgoing' : 'incoming';
  return {
    id: t.id,
    direction,
    status: t.status,
    fromStore: { id: t.store_id, name: names.get(t.store_id) ?? '' },
    toStore: { id: t.to_store_id, name: names.get(t.to_store_id) ?? '' },
    note: t.note,
    receiveNote: t.receive_note,
    lineCount: t.line_count,
    units: t.units,
    // Sent and not yet received or cancelled: out of one store, not yet in the other.
    unitsInTransit: t.status === 'sent' ? t.units : 0,
    createdAt: t.created_at.toISOString(),
    sentAt: t.sent_at?.toISOString() ?? null,
    receivedAt: t.received_at?.toISOString() ?? null,
    cancelledAt: t.cancelled_at?.toISOString() ?? null,
  };
}

/** A transfer with its lines: what was sent, what arrived and the difference. */
export function toTransfer(
  viewer: string,
  t: Head,
  lines: LineRow[],
  names: { from: string; to: string },
) {
  const summary = toSummary(
    viewer,
    t,
    new Map([
      [t.store_id, names.from],
      [t.to_store_id, names.to],
    ]),
  );
  return {
    ...summary,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      toProductId: l.to_product_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      receivedQuantity: l.received_quantity,
      // Units sent that did not arrive (recorded when received; null before).
      difference: l.received_quantity === null ? null : l.quantity - l.received_quantity,
      inTransit: t.status === 'sent' ? l.quantity : 0,
    })),
  };
}
