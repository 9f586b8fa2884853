import path from 'node:path';
import type { Config } from '../../config';
import type { FileStorage } from '../../platform/file-storage';
import { localFileStorage } from '../../platform/file-storage-local';
import type { s3FileStorage as S3FileStorage } from '../../platform/file-storage-s3';

/**
 * Where uploaded files live, from the configuration: the S3 bucket when set, else
 * DATA_DIR/files. The AWS SDK is loaded only when S3 is configured (it is the largest library
 * Nimbus has: about 0.2 s to load, in every process and every test file's app otherwise).
 */
export function fileStorageFrom(config: Pick<Config, 'files' | 'dataDir'>): FileStorage {
  if (!config.files.s3) return localFileStorage(path.join(config.dataDir, 'files'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { s3FileStorage } = require('../../platform/file-storage-s3') as {
    s3FileStorage: typeof S3FileStorage;
  };
  return s3FileStorage(config.files.s3);
}
