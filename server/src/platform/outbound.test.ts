import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOutbound, OutboundRefusedError, refusal } from './outbound';

/*
 * The outbound guard against a real HTTP server on loopback: what it refuses never reaches
 * the server; what it allows does.
 */
let hits = 0;
const server = http.createServer((req, res) => {
  hits++;
  if (req.url === '/big') {
    res.writeHead(200);
    res.end('x'.repeat(100_000));
  } else if (req.url === '/moved') {
    res.writeHead(302, { location: '/elsewhere' }).end();
  } else if (req.url === '/slow') {
    setTimeout(() => res.end('late'), 2_000).unref();
  } else {
    res.end('hello');
  }
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});
beforeEach(() => (hits = 0));

const get = (o: ReturnType<typeof createOutbound>, url: string) =>
  o.request(url, { method: 'GET', headers: {} });

test('when a URL names a loopback address, then it is refused and nothing is sent', async () => {
  const guarded = createOutbound({ allowPrivate: false });
  await expect(get(guarded, `http://127.0.0.1:${port}/`)).rejects.toThrow(OutboundRefusedError);
  await expect(get(guarded, `http://[::1]:${port}/`)).rejects.toThrow('loopback');
  expect(hits).toBe(0);
  guarded.close();
});

test('when a name resolves to loopback (localhost), then the connection is refused in its lookup', async () => {
  const guarded = createOutbound({ allowPrivate: false });
  await expect(get(guarded, `http://localhost:${port}/`)).rejects.toThrow(/localhost: .*loopback/);
  expect(hits).toBe(0);
  guarded.close();
});

test('when private addresses are allowed, then the loopback server answers', async () => {
  const open = createOutbound({ allowPrivate: true });
  const answer = await get(open, `http://127.0.0.1:${port}/`);
  expect(answer).toMatchObject({ status: 200, body: 'hello' });
  const byName = await open.request(`http://localhost:${port}/`, { method: 'GET', headers: {} });
  expect(byName.body).toBe('hello');
  expect(hits).toBe(2);
  open.close();
});

test('when a name resolves to the cloud metadata address, then it is refused even with private addresses allowed', async () => {
  const resolve = async (name: string) =>
    name === 'metadata.example'
      ? [{ address: '169.254.169.254', family: 4 }]
      : [{ address: '127.0.0.1', family: 4 }];
  const open = createOutbound({ allowPrivate: true, resolve });
  await expect(get(open, `http://metadata.example:${port}/`)).rejects.toThrow(
    'metadata.example: 169.254.169.254 is a linkLocal address',
  );
  await expect(get(open, 'http://169.254.169.254/latest/meta-data/')).rejects.toThrow(
    OutboundRefusedError,
  );
  expect(hits).toBe(0);
  // The same resolver's other name reaches the server: the refusal was the address's.
  await expect(get(open, `http://other.example:${port}/`)).resolves.toMatchObject({ status: 200 });
  open.close();
});

test('when a name resolves to a public and a private address, then it is refused', async () => {
  const resolve = async () => [
    { address: '93.184.216.34', family: 4 },
    { address: '10.0.0.5', family: 4 },
  ];
  const guarded = createOutbound({ allowPrivate: false, resolve });
  await expect(get(guarded, `http://mixed.example:${port}/`)).rejects.toThrow('10.0.0.5');
  guarded.close();
});

test('when the answer is a redirect, then it is not followed; a long body is cut at the budget; a slow one times out', async () => {
  const open = createOutbound({ allowPrivate: true, timeoutMs: 500 });
  const moved = await get(open, `http://127.0.0.1:${port}/moved`);
  expect(moved.status).toBe(302);
  expect(hits).toBe(1);
  const big = await get(open, `http://127.0.0.1:${port}/big`);
  expect(big.body.length).toBe(16 * 1024);
  await expect(get(open, `http://127.0.0.1:${port}/slow`)).rejects.toThrow(/abort|timeout/i);
  open.close();
});

test('refusal: public addresses pass; special ranges and other schemes do not', () => {
  expect(refusal('93.184.216.34', false)).toBeUndefined();
  expect(refusal('2606:2800:220:1::248', false)).toBeUndefined();
  expect(refusal('10.1.2.3', false)).toBe('10.1.2.3 is a private address');
  expect(refusal('10.1.2.3', true)).toBeUndefined();
  expect(refusal('::ffff:127.0.0.1', false)).toBe('127.0.0.1 is a loopback address');
  expect(refusal('fe80::1', true)).toMatch('linkLocal');
  expect(refusal('fd00:ec2::254', true)).toMatch('uniqueLocal');
  expect(refusal('0.0.0.0', true)).toMatch('unspecified');
  expect(() => createOutbound({ allowPrivate: true }).check('file:///etc/passwd')).toThrow(
    OutboundRefusedError,
  );
  expect(() =>
    createOutbound({ allowPrivate: true }).check('https://user:pw@push.example/'),
  ).toThrow('credentials');
});
