import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { loadConfig } from '../../config';
import { loadWebPush, VAPID_FILE } from './push.keys';

/* Where the VAPID keys come from: the environment, DATA_DIR, or nowhere (production). */
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-vapid-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const configWith = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, ...env });

test('when no keys are set in development, then a pair is made once into DATA_DIR (0600) and reused', async () => {
  const first = await loadWebPush(configWith({}));
  expect(first).toMatchObject({ enabled: true, source: 'data directory' });
  const file = path.join(dataDir, VAPID_FILE);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const again = await loadWebPush(configWith({}));
  expect(again).toEqual(first);
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
    publicKey: first.enabled && first.publicKey,
    privateKey: first.enabled && first.privateKey,
  });
  // The subject falls back to MAIL_FROM's address.
  expect(first).toMatchObject({ subject: 'mailto:no-reply@nimbus.local' });
});

test('when two processes start at once, then both use one pair', async () => {
  const [a, b] = await Promise.all([loadWebPush(configWith({})), loadWebPush(configWith({}))]);
  expect(a).toEqual(b);
});

test('when keys are set in the environment, then they are used and nothing is written', async () => {
  const keys = webpush.generateVAPIDKeys();
  const setup = await loadWebPush(
    configWith({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/nimbus',
      PUBLIC_URL: 'https://nimbus.example',
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      VAPID_SUBJECT: 'https://nimbus.example/contact',
    }),
  );
  expect(setup).toEqual({
    enabled: true,
    ...keys,
    subject: 'https://nimbus.example/contact',
    source: 'environment',
  });
  await expect(stat(path.join(dataDir, VAPID_FILE))).rejects.toThrow('ENOENT');
});

test('when production has no keys, then push is off with the reason, and no file is made', async () => {
  const setup = await loadWebPush(
    configWith({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/nimbus',
      PUBLIC_URL: 'https://nimbus.example',
    }),
  );
  expect(setup).toEqual({
    enabled: false,
    reason: 'Web Push is off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to turn it on',
  });
  await expect(stat(path.join(dataDir, VAPID_FILE))).rejects.toThrow('ENOENT');
});

test('when the keys are half set or malformed, or the file is not a key pair, then it says which', async () => {
  const keys = webpush.generateVAPIDKeys();
  expect(() => configWith({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow('set both or neither');
  expect(() =>
    configWith({ VAPID_PUBLIC_KEY: keys.privateKey, VAPID_PRIVATE_KEY: keys.privateKey }),
  ).toThrow('VAPID_PUBLIC_KEY: must be an uncompressed P-256 public key');
  expect(() => configWith({ VAPID_SUBJECT: 'ops@nimbus.example' })).toThrow(
    'VAPID_SUBJECT: must be a mailto: address or an https: URL',
  );
  await writeFile(path.join(dataDir, VAPID_FILE), '{"publicKey":"x"}');
  await expect(loadWebPush(configWith({}))).rejects.toThrow('does not hold a VAPID key pair');
});
