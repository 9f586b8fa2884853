import type { Readable } from 'node:stream';

/**
 * Where uploaded files' bytes live: the local disk under DATA_DIR (file-storage-local.ts) or
 * an S3-compatible bucket (file-storage-s3.ts). Keys are ours (`<storeId>/<fileId>[.variant]`),
 * never a user's file name. One contract suite (file-storage.contract.test.ts) runs against
 * both.
 */
export interface FileStorage {
  kind: 'local' | 's3';
  /** Stores the bytes under `key`, replacing what was there; whole or not at all. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key` as a stream, or null when there is nothing under it. */
  get(key: string): Promise<{ body: Readable; size: number } | null>;
  /** Removes `key`; removing what is not there is not an error. */
  remove(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9-]+(\/[A-Za-z0-9.-]+)*$/;

/** A key is letters, digits, dashes and dots in segments: nothing can climb out of the root. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part.startsWith('.'))) {
    throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  }
  return key;
}
