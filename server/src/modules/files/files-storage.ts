import path from 'node:path';
import type { Config } from '../../config';
import type { FileStorage } from '../../platform/file-storage';
import { localFileStorage } from '../../platform/file-storage-local';
import { s3FileStorage } from '../../platform/file-storage-s3';

/** Where uploaded files live, from the configuration: the S3 bucket when set, else DATA_DIR/files. */
export function fileStorageFrom(config: Pick<Config, 'files' | 'dataDir'>): FileStorage {
  return config.files.s3
    ? s3FileStorage(config.files.s3)
    : localFileStorage(path.join(config.dataDir, 'files'));
}
