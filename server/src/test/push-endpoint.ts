import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decrypt } from 'http_ece';
import { generate } from 'selfsigned';

/** A push request as the local push service received it. */
export interface PushRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A browser's side of a subscription: the keys the push payload is encrypted for. */
export interface FakeBrowser {
  ecdh: ECDH;
  auth: Buffer;
  /** What `PushSubscription.toJSON()` gives for `endpoint`. */
  subscription(endpoint: string): {
    endpoint: string;
    expirationTime: null;
    keys: { p256dh: string; auth: string };
  };
  /** The payload of an aes128gcm push body, decrypted with this browser's keys. */
  read(body: Buffer): unknown;
}

export function fakeBrowser(): FakeBrowser {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    subscription: (endpoint) => ({
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    }),
    read: (body) =>
      JSON.parse(
        decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString(
          'utf8',
        ),
      ),
  };
}

/**
 * A push service on https://localhost (a certificate made here, in `caFile` for the app's
 * OUTBOUND_CA_FILE): it keeps every request, and answers each path with the status `answer`
 * says (201 unless told otherwise).
 */
export async function startPushService() {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    notAfterDate: new Date(Date.now() + 24 * 3600_000),
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
      { name: 'basicConstraints', cA: true },
    ],
  });
  const caFile = path.join(os.tmpdir(), `nimbus-push-ca-${randomBytes(4).toString('hex')}.pem`);
  await writeFile(caFile, pems.cert);
  const received: PushRequest[] = [];
  /** Statuses to answer per path, in turn; the last one stays. */
  const answers = new Map<string, number[]>();
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const queue = answers.get(req.url ?? '') ?? [];
      const status = (queue.length > 1 ? queue.shift() : queue[0]) ?? 201;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    caFile,
    origin: `https://localhost:${port}`,
    endpoint: (name: string) => `https://localhost:${port}/push/${name}`,
    received,
    to: (name: string) => received.filter((r) => r.path === `/push/${name}`),
    answer(name: string, ...statuses: number[]) {
      answers.set(`/push/${name}`, statuses);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
