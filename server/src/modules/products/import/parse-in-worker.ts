import path from 'node:path';
import { readInWorker } from '../../../files/read-in-worker';
import type { ReaderArgs } from '../../../files/read-worker';
import type { SheetFormat } from '../../../files/sheet-source';
import type { Batch, parseImport } from './import-parse';

export { REQUEST_WAIT_MS } from '../../../files/read-in-worker';

/**
 * The product import's reading, which the read worker loads (files/read-worker.ts): the file
 * is read and each row checked against the row schema off the main thread.
 */
const PARSER = {
  module: path.join(__dirname, 'import-parse'),
  name: 'parseImport' satisfies keyof { parseImport: typeof parseImport },
};

/** Parses a product import off the main thread and hands `use` its batches of checked rows. */
export function withParsedRows<T>(
  storeId: string,
  file: Buffer,
  format: SheetFormat,
  /** `maxWaitMs`: how long to wait for the store's read slot (a request: REQUEST_WAIT_MS). */
  options: { skipThrough?: number; maxWaitMs?: number },
  use: (rows: AsyncIterable<Batch>) => Promise<T>,
): Promise<T> {
  const args: ReaderArgs<typeof parseImport> = [options.skipThrough ?? 0];
  return readInWorker<Batch, T>(
    storeId,
    file,
    format,
    { ...PARSER, args },
    options.maxWaitMs ?? Infinity,
    use,
  );
}
