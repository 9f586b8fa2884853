import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import {
  MAX_COMPRESSION_RATIO,
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECKED_FROM_BYTES,
  unprocessable,
} from './limits';

export interface Archive {
  zip: ZipFile;
  entries: Map<string, Entry>;
}

const MB = 1024 * 1024;

const unreadable = (err: unknown) =>
  unprocessable(`The XLSX file could not be read: ${String((err as Error).message ?? err)}`);

/**
 * Lists a zip's entries from its central directory, inflating nothing. Cheap enough for the
 * request thread: the entry count is refused before the entries are read.
 */
export async function openArchive(file: Buffer): Promise<Archive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true });
  } catch (err) {
    throw unreadable(err);
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    throw unprocessable(
      `The XLSX file holds ${zip.entryCount} parts; a workbook has at most ${MAX_ZIP_ENTRIES}`,
    );
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch (err) {
    throw unreadable(err);
  }
  return { zip, entries };
}

/**
 * The zip-bomb defence, from the sizes the archive declares. They can lie: a stream opened
 * with validateEntrySizes fails as soon as an entry inflates past its declared size, and
 * the parse worker's heap is capped as well.
 */
export function checkSizes(entries: Map<string, Entry>): void {
  let total = 0;
  for (const e of entries.values()) {
    if (e.isEncrypted())
      throw unprocessable('The XLSX file is encrypted: save it without a password');
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_CHECKED_FROM_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw unprocessable(
        `The XLSX file looks like a zip bomb: its part ${e.fileName} would grow ${Math.round(ratio)}-fold ` +
          `when unpacked (at most ${MAX_COMPRESSION_RATIO}-fold is accepted)`,
      );
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw unprocessable(
      `The XLSX file unpacks to ${Math.ceil(total / MB)} MB; at most ${MAX_UNCOMPRESSED_BYTES / MB} MB is accepted`,
    );
  }
}

/** Uncompressed bytes of the sheets and shared strings: what parsing the rows will read. */
export function rowDataBytes(entries: Map<string, Entry>): number {
  let bytes = 0;
  for (const [name, e] of entries)
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) || name === 'xl/sharedStrings.xml')
      bytes += e.uncompressedSize;
  return bytes;
}

export async function openEntry(archive: Archive, name: string): Promise<Readable | undefined> {
  const entry = archive.entries.get(name);
  if (!entry) return undefined;
  try {
    return await archive.zip.openReadStreamPromise(entry);
  } catch (err) {
    throw unreadable(err);
  }
}
