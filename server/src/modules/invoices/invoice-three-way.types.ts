import type { Variance } from './invoice-variances';
import type { CandidateOrder, UninvoicedReceipt } from './purchasing-port';

// The shapes of the three-way match (invoice-three-way.ts); `ThreeWay` is a line's `threeWay`.

export const LINE_ACTIONS = ['already_received', 'receive_now', 'skip'] as const;
export type LineAction = (typeof LINE_ACTIONS)[number];

/** An invoice line as the plan sees it, with the person's choices (undefined: the default). */
export interface PlanLine {
  lineId: string;
  label: string;
  /** Where a problem with this line is reported: `lines.3` (its decision in the request). */
  field: string;
  productId: string | null;
  quantity: number;
  unitCost: number;
  action?: LineAction;
  /** null: no order (received now as a plain receipt); undefined: the default. */
  purchaseOrderId?: string | null;
  /** The supplier's last cost, compared with when there is no order line to compare with. */
  lastCost?: number | null;
  /** The person asked for the line's price to become the product's cost. */
  acceptNewCost?: boolean;
}

export interface OrderOption {
  id: string;
  orderNumber: string;
  status: CandidateOrder['status'];
  ordered: number;
  unitCost: number;
  received: number;
  /** Received and not yet invoiced (by earlier lines of this invoice either). */
  uninvoiced: number;
  open: number;
}

export interface ThreeWay {
  action: LineAction | null;
  purchaseOrderId: string | null;
  ordered: {
    purchaseOrderId: string;
    orderNumber: string;
    quantity: number;
    receivedQuantity: number;
    unitCost: number;
  } | null;
  received: {
    quantity: number;
    receipts: Array<{
      receiptId: string;
      receiptLineId: string;
      purchaseOrderId: string | null;
      orderNumber: string | null;
      receivedAt: string;
      quantity: number;
      unitCost: number | null;
    }>;
  };
  invoiced: { quantity: number; unitCost: number; total: number };
  receiveNow: number;
  receiveOrder: { id: string; orderNumber: string } | null;
  orders: OrderOption[];
  orderChoiceRequired: boolean;
  variances: Variance[];
  costAccepted: boolean;
}

export interface PlannedLine {
  line: PlanLine;
  threeWay: ThreeWay;
  matched: Array<{ receipt: UninvoicedReceipt; quantity: number }>;
}
