import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OrderParties } from './order-pdf';
import type { PurchaseOrder } from './purchase-order-views.repo';

// Built, the worker is order-pdf-worker.js beside this file; from source (tsx, Vitest) it is
// the .ts file, run through tsx's loader (a worker does not inherit the parent's loader).
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `order-pdf-worker.${fromSource ? 'ts' : 'js'}`);
const execArgv = fromSource ? ['--require', require.resolve('tsx/cjs')] : undefined;

/**
 * The order's PDF, laid out in a worker thread: 500 lines take pdfkit about a third of a
 * second, which would stall every other request on the event loop. The route runs it in one
 * of the store's heavy slots, so few run at once.
 */
export function renderOrderPdfInWorker(
  order: PurchaseOrder,
  parties: OrderParties,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: { order, parties },
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: 128 },
    });
    worker.once('message', (pdf: Uint8Array) => {
      resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the order PDF worker stopped with code ${code}`));
    });
  });
}
