import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { useTestApp } from '../test/app';
import { memberOf, storeWithMember, type StoreMember } from '../test/factories';
import { DISCARD_MAX_BYTES } from './unread-body';

/*
 * Uploads answered before their body has been read — 401, 403, 413, 400 — must reach the
 * client: Node's own fetch is the client here, over a real socket. The server answers as soon
 * as it knows, discards what still comes up to a cap, and only then closes the connection.
 */
const t = useTestApp();
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const MB = 1024 * 1024;
const BOUNDARY = 'nimbus-test-boundary';
const head = (filename: string) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: text/csv\r\n\r\n',
  );
const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** A multipart body of `mb` megabytes of CSV, produced a megabyte at a time, counting what was pulled. */
function slowBody(mb: number) {
  const state = { pulled: 0, total: head('big.csv').length + mb * MB + tail.length };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk =
        sent === 0 ? head('big.csv') : sent <= mb ? Buffer.alloc(MB, 'Milk,1,2\n') : tail;
      if (sent > mb + 1) return controller.close();
      sent++;
      state.pulled += chunk.length;
      // A little slower than loopback, as any real client is.
      await new Promise((r) => setTimeout(r, 2));
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

async function post(
  s: StoreMember,
  path: string,
  body: Buffer | ReadableStream<Uint8Array>,
  headers: object = s.auth,
) {
  const res = await fetch(`${base}${s.url}${path}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

test("when uploads are answered (201, 202) or refused before their body is read (401, 403, 413, 400), then Node's fetch gets each answer, and a refusal comes before the body was sent", async () => {
  const s = await storeWithMember(t, 'manager');
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const csv = Buffer.concat([head('a.csv'), Buffer.from('name,price\nTea,2\n'), tail]);
  expect((await post(s, '/products/import', csv)).status).toBe(200);
  const invoice = Buffer.concat([
    head('i.csv'),
    Buffer.from('Description,Qty,Unit Cost\nTea,2,1.5\n'),
    tail,
  ]);
  expect((await post(s, '/invoices', invoice)).status).toBe(201);

  const cases: Array<[string, StoreMember, string, object, number, string]> = [
    ['bad token', s, '/invoices', { Authorization: 'Bearer nope' }, 401, 'UNAUTHORIZED'],
    ['viewer', viewer, '/products/import', viewer.auth, 403, 'FORBIDDEN'],
    ['invoice over 10 MB', s, '/invoices', s.auth, 413, 'PAYLOAD_TOO_LARGE'],
    ['import over 20 MB', s, '/products/import', s.auth, 413, 'PAYLOAD_TOO_LARGE'],
  ];
  for (const [, who, path, headers, status, code] of cases) {
    const { stream, state } = slowBody(48);
    const res = await post(who, path, stream, headers);
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    // Answered while the client was still sending (it was not made to send all 48 MB first).
    expect(state.pulled).toBeLessThan(state.total);
  }
  // Declared too large: refused from the Content-Length, nothing read.
  const big = new FormData();
  big.append('file', new Blob([Buffer.alloc(30 * MB, 'Milk,1,2\n')]), 'big.csv');
  const declared = await fetch(`${base}${s.url}/invoices`, {
    method: 'POST',
    headers: s.auth,
    body: big,
  });
  expect(declared.status).toBe(413);
  expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(
    /at most 10 MB/,
  );
  const truncated = await post(s, '/invoices', Buffer.concat([head('t.csv'), Buffer.from('a,b')]));
  expect(truncated.status).toBe(400);
});

test('when a client keeps sending after its early answer, then it has the whole answer, and the connection is closed after the discard cap', async () => {
  const s = await storeWithMember(t, 'manager');
  const { port } = server.address() as AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const declaredBytes = 200 * MB;
  socket.write(
    `POST ${s.url}/invoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n` +
      `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${declaredBytes}\r\n\r\n`,
  );
  let answer = '';
  socket.on('data', (d: Buffer) => (answer += d.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined); // the write after the close
  let sent = 0;
  const chunk = Buffer.alloc(256 * 1024, 'x');
  while (!socket.destroyed && !socket.writableEnded && sent < declaredBytes) {
    sent += chunk.length;
    if (!socket.write(chunk))
      await Promise.race([new Promise((r) => socket.once('drain', r)), closed]);
  }
  await closed;
  expect(answer).toMatch(/^HTTP\/1\.1 401 /);
  expect(answer).toContain('"code":"UNAUTHORIZED"');
  // Cut off after the cap (and what the socket buffers held), far short of the 200 MB.
  expect(sent).toBeGreaterThan(DISCARD_MAX_BYTES);
  expect(sent).toBeLessThan(DISCARD_MAX_BYTES + 64 * MB);
});
