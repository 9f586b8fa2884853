import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError, ValidationError } from '../../core/errors';
import type { Db } from '../../db/pool';
import { renderProductImage, safeFileName, type ImageVariant } from '../../files/image';
import type { Logger } from '../../logger';
import type { FileStorage } from '../../platform/file-storage';
import * as repo from './files.repo';

export interface Upload {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** Bytes already in storage, waiting for their row in the caller's transaction. */
export interface StoredFile {
  id: string;
  key: string;
  name: string;
  contentType: string;
  size: number;
  variants: string[];
  width: number | null;
  height: number | null;
}

export interface OpenFile {
  body: Readable;
  size: number;
  contentType: string;
  name: string;
}

const PURGE_BATCH = 500;

export function emptyFile() {
  return new ValidationError([{ field: 'file', message: 'the file is empty', code: 'too_small' }]);
}

/**
 * Files a store keeps (an invoice's original, a product's image): the bytes go to storage
 * first, the row is written in the caller's transaction (`recordInTx`), and the caller
 * `discard`s the bytes should the transaction fail. Removing is a soft delete; the hourly
 * cleanup deletes bytes and rows `retentionDays` later.
 */
export function createFilesService(deps: {
  pool: Pool;
  storage: FileStorage;
  log: Logger;
  maxBytes: number;
  maxImagePixels: number;
  retentionDays: number;
}) {
  const { pool, storage, log } = deps;
  const keyOf = (storeId: string, id: string, variant?: string) =>
    `${storeId}/${id}${variant ? `.${variant}` : ''}`;

  async function discard(file: Pick<StoredFile, 'key' | 'variants'>) {
    await Promise.all(
      [file.key, ...file.variants.map((v) => `${file.key}.${v}`)].map((k) =>
        storage.remove(k).catch((err: Error) => {
          log.warn('a stored file could not be removed', { key: k, error: err.message });
        }),
      ),
    );
  }

  return {
    /** The largest upload (FILE_MAX_BYTES): the upload middleware stops reading past it. */
    maxBytes: deps.maxBytes,

    /** An invoice's original as it came (its type is what the invoice reader found). */
    async storeOriginal(ctx: StoreContext, upload: Upload, contentType: string) {
      if (!upload.size) throw emptyFile();
      const id = randomUUID();
      const key = keyOf(ctx.storeId, id);
      await storage.put(key, upload.buffer, contentType);
      const file: StoredFile = {
        id,
        key,
        name: safeFileName(upload.originalname, 'file'),
        contentType,
        size: upload.size,
        variants: [],
        width: null,
        height: null,
      };
      return file;
    },

    /** A product picture: sniffed, bounded, re-encoded without metadata, with its thumbnail. */
    async storeImage(ctx: StoreContext, upload: Upload): Promise<StoredFile> {
      if (!upload.size) throw emptyFile();
      const image = await renderProductImage(upload.buffer, deps.maxImagePixels);
      const id = randomUUID();
      const key = keyOf(ctx.storeId, id);
      const file: StoredFile = {
        id,
        key,
        name: safeFileName(upload.originalname, 'image').replace(/\.[^.]*$/, '') + '.webp',
        contentType: image.contentType,
        size: image.large.length,
        variants: ['thumb'],
        width: image.width,
        height: image.height,
      };
      try {
        await storage.put(key, image.large, image.contentType);
        await storage.put(`${key}.thumb`, image.thumb, image.contentType);
      } catch (err) {
        await discard(file);
        throw err;
      }
      return file;
    },

    discard,

    /** Records `file` as the subject's; `replace` first removes what the subject had. */
    async recordInTx(
      tx: Db,
      ctx: StoreContext,
      file: StoredFile,
      purpose: repo.Purpose,
      subjectId: string,
      replace = false,
    ) {
      if (replace) await repo.softDelete(tx, ctx.storeId, purpose, subjectId);
      await repo.insertFile(tx, ctx.storeId, {
        ...file,
        purpose,
        subjectId,
        storageKey: file.key,
        createdBy: ctx.userId,
      });
    },

    /** Soft-deletes the subject's files; false when it had none. */
    async removeInTx(tx: Db, ctx: StoreContext, purpose: repo.Purpose, subjectId: string) {
      return (await repo.softDelete(tx, ctx.storeId, purpose, subjectId)) > 0;
    },

    /** The subject's live file (or one of its variants) as a stream; 404 when there is none. */
    async open(
      ctx: StoreContext,
      purpose: repo.Purpose,
      subjectId: string,
      what: string,
      variant?: ImageVariant,
    ): Promise<OpenFile> {
      const row = await repo.findLive(pool, ctx.storeId, purpose, subjectId);
      if (!row) throw new NotFoundError(what);
      const wanted = variant && row.variants.includes(variant) ? variant : undefined;
      const stored = await storage.get(wanted ? `${row.storage_key}.${wanted}` : row.storage_key);
      if (!stored) {
        log.error('a file row has no bytes in storage', { fileId: row.id, variant: wanted });
        throw new NotFoundError(what);
      }
      return { ...stored, contentType: row.content_type, name: row.name };
    },

    /**
     * Before a store is deleted (its rows go with it, by cascade): reads where its files are
     * and answers what removes their bytes once the store is gone.
     */
    async beforeStoreDeleted(storeId: string): Promise<() => Promise<void>> {
      const rows = await repo.ofStore(pool, storeId);
      return async () => {
        for (const r of rows) await discard({ key: r.storage_key, variants: r.variants });
      };
    },

    /** Deletes removed files past their retention: bytes first, then their rows. */
    async purgeDeleted(): Promise<number> {
      const before = new Date(Date.now() - deps.retentionDays * 86_400_000);
      let purged = 0;
      for (;;) {
        const rows = await repo.expired(pool, before, PURGE_BATCH);
        for (const r of rows) {
          for (const key of [r.storage_key, ...r.variants.map((v) => `${r.storage_key}.${v}`)]) {
            await storage.remove(key);
          }
        }
        if (rows.length)
          await repo.deleteRows(
            pool,
            rows.map((r) => r.id),
          );
        purged += rows.length;
        if (rows.length < PURGE_BATCH) return purged;
      }
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
