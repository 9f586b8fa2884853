import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { csvText, neutraliseFormula } from '../../../files/csv';
import type { CountSessionView } from './count-session-views';
import { placeOf } from './count-sheet-pdf';

// Built, the worker is count-sheet-worker.js beside this file; from source (tsx, ts-jest) it is
// the .ts file, run through tsx's loader (a worker does not inherit the parent's loader).
const fromSource = __filename.endsWith('.ts');
const entry = path.join(__dirname, `count-sheet-worker.${fromSource ? 'ts' : 'js'}`);
const execArgv = fromSource ? ['--require', require.resolve('tsx/cjs')] : undefined;

/** The sheet PDF laid out in a worker thread (a whole store's sheet would stall the event loop). */
function pdfInWorker(view: CountSessionView, storeName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: { view, storeName },
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: 128 },
    });
    worker.once('message', (pdf: Uint8Array) => {
      resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the count sheet worker stopped with code ${code}`));
    });
  });
}

export interface CountSheet {
  body: Buffer;
  contentType: string;
  filename: string;
}

/**
 * The count sheet, in walking order: a PDF to print, or CSV for a spreadsheet. A blind count's
 * sheet has no expected quantities while it is open (they are null in its view).
 */
export async function renderCountSheet(
  view: CountSessionView,
  format: 'pdf' | 'csv',
  storeName: string,
): Promise<CountSheet> {
  const stamp = view.startedAt.slice(0, 10);
  const filename = `count-${stamp}-${view.id.slice(0, 8)}.${format}`;
  if (format === 'pdf') {
    return { body: await pdfInWorker(view, storeName), contentType: 'application/pdf', filename };
  }
  const blind = view.blind && view.status === 'open';
  const columns = ['location', 'aisle', 'row', 'bin', 'sku', 'barcode', 'name', 'unit'];
  if (!blind) columns.push('expectedQuantity');
  columns.push('countedQuantity');
  const rows = view.lines.map((l) => [
    neutraliseFormula(placeOf(l.location)),
    neutraliseFormula(l.location.aisle),
    neutraliseFormula(l.location.row),
    neutraliseFormula(l.location.bin),
    neutraliseFormula(l.sku),
    neutraliseFormula(l.barcode),
    neutraliseFormula(l.name),
    neutraliseFormula(l.unit),
    ...(blind ? [] : [l.expectedQuantity]),
    l.countedQuantity,
  ]);
  return {
    body: Buffer.from(csvText(columns, rows), 'utf8'),
    contentType: 'text/csv; charset=utf-8',
    filename,
  };
}
