import { parentPort, workerData } from 'node:worker_threads';
import { renderOrderPdf, type OrderParties } from './order-pdf';
import type { PurchaseOrder } from './purchase-order-views.repo';

/* The order PDF worker's entry: renders one order and posts its bytes back. */
const { order, parties } = workerData as { order: PurchaseOrder; parties: OrderParties };
void renderOrderPdf(order, parties).then((pdf) => parentPort!.postMessage(pdf));
