import { parentPort, workerData } from 'node:worker_threads';

/*
 * The PDF text extractor's worker: pdf.js (through unpdf's serverless build) runs here, off
 * the API's event loop and in a heap of its own, so a hostile or huge PDF costs a worker, not
 * the server. Each page's text items are joined into lines by their vertical position.
 */
export interface PdfTextJob {
  file: Uint8Array;
  maxPages: number;
}

interface Item {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

async function extract({ file, maxPages }: PdfTextJob) {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(file), { verbosity: 0 });
  const pages: string[][] = [];
  for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const rows = new Map<number, Array<{ x: number; str: string }>>();
    for (const item of content.items as Item[]) {
      if (!('str' in item) || !item.str.trim()) continue;
      // Items on one baseline (within 2 points) make one line, left to right.
      const y = Math.round(item.transform[5]! / 2);
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4]!, str: item.str });
      rows.set(y, row);
    }
    pages.push(
      [...rows.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, items]) =>
          items
            .sort((a, b) => a.x - b.x)
            .map((i) => i.str.trim())
            .join('  '),
        ),
    );
  }
  await pdf.destroy();
  return { pageCount: pdf.numPages, pages };
}

extract(workerData as PdfTextJob).then(
  (result) => parentPort!.postMessage({ ok: true, ...result }),
  (err: Error) =>
    parentPort!.postMessage({ ok: false, name: err?.name, message: String(err?.message ?? err) }),
);
