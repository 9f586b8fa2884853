import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import type { Config } from '../../config';

/** Whether this server sends Web Push, with its VAPID keys, or why it does not. */
export type WebPushSetup =
  | {
      enabled: true;
      publicKey: string;
      privateKey: string;
      subject: string;
      source: 'environment' | 'data directory';
    }
  | { enabled: false; reason: string };

export const VAPID_FILE = 'vapid-keys.json';

const isKeyPair = (v: unknown): v is { publicKey: string; privateKey: string } =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { publicKey?: unknown }).publicKey === 'string' &&
  Buffer.from((v as { publicKey: string }).publicKey, 'base64url').length === 65 &&
  typeof (v as { privateKey?: unknown }).privateKey === 'string' &&
  Buffer.from((v as { privateKey: string }).privateKey, 'base64url').length === 32;

/**
 * The key pair in DATA_DIR, made on the first start (mode 0600) and read on every later one:
 * browsers subscribed with the public key, so a new pair would silence every subscription.
 * Two processes starting at once make one file (exclusive create; the loser reads it).
 */
async function keysInDataDir(dataDir: string): Promise<{ publicKey: string; privateKey: string }> {
  const file = path.join(dataDir, VAPID_FILE);
  const read = async () => {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (text === undefined) return undefined;
    const keys: unknown = JSON.parse(text);
    if (!isKeyPair(keys)) throw new Error(`${file} does not hold a VAPID key pair`);
    return keys;
  };
  const existing = await read();
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const made = webpush.generateVAPIDKeys();
  try {
    await writeFile(file, JSON.stringify(made, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return made;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return (await read())!;
  }
}

/** The contact push services see: VAPID_SUBJECT, else the sender address of MAIL_FROM. */
function subjectOf(config: Config): string {
  if (config.vapid.subject) return config.vapid.subject;
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim();
  return /^\S+@\S+$/.test(address) ? `mailto:${address}` : 'mailto:no-reply@nimbus.local';
}

/** Web Push from the environment's keys, or undefined when it gives none. */
export function webPushFromEnv(config: Config): WebPushSetup | undefined {
  const { publicKey, privateKey } = config.vapid;
  if (!publicKey || !privateKey) return undefined;
  return {
    enabled: true,
    publicKey,
    privateKey,
    subject: subjectOf(config),
    source: 'environment',
  };
}

/**
 * VAPID keys from the environment when set; otherwise, in development and tests, the pair in
 * DATA_DIR; in production without them Web Push is off (the server runs, and says so).
 */
export async function loadWebPush(config: Config): Promise<WebPushSetup> {
  const fromEnv = webPushFromEnv(config);
  if (fromEnv) return fromEnv;
  if (config.env === 'production') {
    return {
      enabled: false,
      reason: 'Web Push is off: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to turn it on',
    };
  }
  const keys = await keysInDataDir(config.dataDir);
  return { enabled: true, ...keys, subject: subjectOf(config), source: 'data directory' };
}
