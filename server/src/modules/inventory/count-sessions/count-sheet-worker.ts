import { parentPort, workerData } from 'node:worker_threads';
import type { CountSessionView } from './count-session-views';
import { renderCountSheetPdf } from './count-sheet-pdf';

/* The count sheet worker's entry: renders one sheet and posts its bytes back. */
const { view, storeName } = workerData as { view: CountSessionView; storeName: string };
void renderCountSheetPdf(view, storeName).then((pdf) => parentPort!.postMessage(pdf));
