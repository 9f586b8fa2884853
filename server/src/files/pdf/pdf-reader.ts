import os from 'node:os';
import { PdfLimitError } from './pdf-limits';
import { scanPdf } from './pdf-scan';

/*
 * The PDF reader's process: it reads one PDF from stdin, checks it against the budget
 * (pdf-scan.ts), extracts each page's text with pdf.js (through unpdf's serverless build),
 * answers over IPC and exits, so whatever it allocated goes back to the system with it.
 * Each page's text items are joined into lines by their vertical position.
 */
export type ReaderAnswer =
  | { ok: true; pageCount: number; pages: string[][] }
  | { ok: false; limit?: string; name?: string; message: string };

interface Item {
  str: string;
  transform: number[];
}

function linesOf(items: Item[]): string[] {
  const rows = new Map<number, Array<{ x: number; str: string }>>();
  for (const item of items) {
    if (!('str' in item) || !item.str.trim()) continue;
    // Items on one baseline (within 2 points) make one line, left to right.
    const y = Math.round(item.transform[5]! / 2);
    const row = rows.get(y) ?? [];
    row.push({ x: item.transform[4]!, str: item.str });
    rows.set(y, row);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((i) => i.str.trim())
        .join('  '),
    );
}

async function extract(file: Buffer, maxPages: number) {
  await scanPdf(file);
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(file), { verbosity: 0 });
  const pages: string[][] = [];
  for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
    const page = await pdf.getPage(n);
    pages.push(linesOf((await page.getTextContent()).items as Item[]));
  }
  await pdf.destroy();
  return { pageCount: pdf.numPages, pages };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Below the API's own priority: when the cores are busy, its event loop goes first.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not allowed here: the default priority
}

const maxPages = Number(process.argv[2] ?? 50);
readStdin()
  .then((file) => extract(file, maxPages))
  .then(
    (result): ReaderAnswer => ({ ok: true, ...result }),
    (err: Error): ReaderAnswer =>
      err instanceof PdfLimitError
        ? { ok: false, limit: err.limit, message: err.message }
        : { ok: false, name: err?.name, message: String(err?.message ?? err) },
  )
  .then((answer) => process.send!(answer, () => process.exit(0)));
