import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { checkKey, type FileStorage } from './file-storage';

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`): MinIO, s3rver and most S3-compatible servers. */
  forcePathStyle: boolean;
}

/**
 * Files in an S3-compatible bucket. Without keys the SDK's own chain finds credentials. The
 * client is made on first use: the SDK warns about the Node version when one is made.
 */
export function s3FileStorage(s: S3Settings): FileStorage {
  let made: S3Client | undefined;
  const client = () =>
    (made ??= new S3Client({
      region: s.region,
      endpoint: s.endpoint,
      forcePathStyle: s.forcePathStyle,
      credentials:
        s.accessKeyId && s.secretAccessKey
          ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey }
          : undefined,
    }));
  return {
    kind: 's3',
    async put(key, body, contentType) {
      checkKey(key);
      await client().send(
        new PutObjectCommand({
          Bucket: s.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
        }),
      );
    },
    async get(key) {
      checkKey(key);
      try {
        const object = await client().send(new GetObjectCommand({ Bucket: s.bucket, Key: key }));
        return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
        throw err;
      }
    },
    async remove(key) {
      checkKey(key);
      await client().send(new DeleteObjectCommand({ Bucket: s.bucket, Key: key }));
    },
  };
}
