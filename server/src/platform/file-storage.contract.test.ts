import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { checkKey, type FileStorage } from './file-storage';
import { localFileStorage } from './file-storage-local';
import { s3FileStorage } from './file-storage-s3';

/** One suite, two adapters: the local disk and a real S3-compatible server (s3rver). */
const adapters: Array<[string, () => Promise<{ storage: FileStorage; stop(): Promise<void> }>]> = [
  [
    'local',
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-files-'));
      return { storage: localFileStorage(dir), stop: () => rm(dir, { recursive: true }) };
    },
  ],
  [
    's3',
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-s3-'));
      const server = new S3rver({
        port: 0,
        address: '127.0.0.1',
        silent: true,
        directory: dir,
        configureBuckets: [{ name: 'nimbus-test', configs: [] }],
      });
      const { port } = await server.run();
      const storage = s3FileStorage({
        bucket: 'nimbus-test',
        region: 'us-east-1',
        endpoint: `http://127.0.0.1:${port}`,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      });
      return {
        storage,
        stop: async () => {
          await server.close();
          await rm(dir, { recursive: true });
        },
      };
    },
  ],
];

async function read(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe.each(adapters)('file storage contract: %s', (kind, start) => {
  let storage: FileStorage;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, stop } = await start());
  });
  afterAll(() => stop());

  test('when bytes are put under a key, then get streams the same bytes and size', async () => {
    expect(storage.kind).toBe(kind);
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    await storage.put('store-1/file-1', bytes, 'application/octet-stream');
    const got = await storage.get('store-1/file-1');
    expect(got?.size).toBe(bytes.length);
    expect((await read(got!.body)).equals(bytes)).toBe(true);
  });

  test('when a key is put again, then the new bytes replace the old ones', async () => {
    await storage.put('store-1/file-2.thumb', Buffer.from('first'), 'text/plain');
    await storage.put('store-1/file-2.thumb', Buffer.from('second'), 'text/plain');
    const got = await storage.get('store-1/file-2.thumb');
    expect((await read(got!.body)).toString()).toBe('second');
  });

  test('when a key holds nothing, then get is null and remove is not an error', async () => {
    expect(await storage.get('store-1/never-put')).toBeNull();
    await expect(storage.remove('store-1/never-put')).resolves.toBeUndefined();
  });

  test('when a key is removed, then get finds nothing under it and other keys stay', async () => {
    await storage.put('store-2/gone', Buffer.from('x'), 'text/plain');
    await storage.put('store-2/kept', Buffer.from('y'), 'text/plain');
    await storage.remove('store-2/gone');
    expect(await storage.get('store-2/gone')).toBeNull();
    expect((await read((await storage.get('store-2/kept'))!.body)).toString()).toBe('y');
  });

  test('when a key could climb out of the root, then every operation refuses it', async () => {
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'a/.hidden', 'a b']) {
      expect(() => checkKey(key)).toThrow('not a storage key');
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow();
      await expect(storage.get(key)).rejects.toThrow();
    }
  });
});
