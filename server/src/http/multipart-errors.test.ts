import { useTestApp } from '../test/app';
import { countRows, storeWithMember, type StoreMember } from '../test/factories';

/*
 * Multipart bodies that cannot be parsed, on both upload routes: each is a 400 naming what is
 * wrong with the body (never a 500), and nothing is stored or queued.
 */
const t = useTestApp();

const ROUTES = ['/products/import', '/invoices'] as const;
const CSV = 'name,price\nTea,2\n';
const part = (boundary: string, body: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n` +
  `Content-Type: text/csv\r\n\r\n${body}`;

const CASES: Array<[string, string, string, RegExp]> = [
  ['no boundary', 'multipart/form-data', part('XX', CSV) + '\r\n--XX--\r\n', /no boundary/],
  [
    'an empty boundary',
    'multipart/form-data; boundary=',
    part('XX', CSV) + '\r\n--XX--\r\n',
    /no boundary/,
  ],
  ['a body cut off mid-file', 'multipart/form-data; boundary=XX', part('XX', CSV), /ended before/],
  ['a body with no parts at all', 'multipart/form-data; boundary=XX', '', /ended before/],
  [
    'a part header that is not a header',
    'multipart/form-data; boundary=XX',
    `--XX\r\n${'x'.repeat(20_000)}\r\n\r\n${CSV}\r\n--XX--\r\n`,
    /malformed part header/,
  ],
];

async function nothingStored(s: StoreMember) {
  for (const table of ['jobs', 'invoices', 'products'])
    expect(await countRows(t, table, s.storeId)).toBe(0);
}

describe.each(ROUTES)('POST %s', (route) => {
  test.each(CASES)(
    'when the multipart body has %s, then 400 names the problem and nothing is stored',
    async (_case, contentType, body, message) => {
      const s = await storeWithMember(t, 'manager');
      const res = await s.api
        .post(`${s.url}${route}`)
        .set(s.auth)
        .set('Content-Type', contentType)
        .send(body)
        .expect(400);
      expect(res.body.error).toEqual(
        expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringMatching(message) }),
      );
      await nothingStored(s);
    },
  );
});
