import fc from 'fast-check';
import { createTestDb, type TestDb } from '../test/db';
import { resolveDateRange, startOfDay } from './date-range';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Havana',
  'America/Santiago',
  'Asia/Beirut',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Pacific/Chatham',
];

const pgStart = async (date: string, tz: string) =>
  (
    await db.pool.query<{ t: Date }>(`SELECT ($1::date::timestamp AT TIME ZONE $2) AS t`, [
      date,
      tz,
    ])
  ).rows[0]!.t.getTime();

test('property: the start of a day in a zone is the instant PostgreSQL computes, DST days included', async () => {
  const day = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  await fc.assert(
    fc.asyncProperty(day, fc.constantFrom(...ZONES), async (date, tz) => {
      expect(startOfDay(date, tz)).toBe(await pgStart(date, tz));
    }),
    { numRuns: 400 },
  );
  // Days whose midnight does not exist or comes twice.
  for (const [date, tz] of [
    ['2018-11-04', 'America/Sao_Paulo'],
    ['2019-04-07', 'America/Santiago'],
    ['2023-03-12', 'America/Havana'],
    ['2023-11-05', 'America/Havana'],
    ['2023-03-26', 'Asia/Beirut'],
    ['2011-12-30', 'Pacific/Apia'],
  ] as const) {
    expect(startOfDay(date, tz)).toBe(await pgStart(date, tz));
  }
});

test('when a range is given as days, then it covers both whole days in the store time zone; date-times pass as given', async () => {
  const paris = async () => 'Europe/Paris';
  expect(await resolveDateRange({ dateFrom: '2026-03-29', dateTo: '2026-03-29' }, paris)).toEqual({
    dateFrom: '2026-03-28T23:00:00.000Z',
    dateTo: '2026-03-29T21:59:59.999999Z',
  });
  const given = { dateFrom: '2026-01-01T10:00:00Z', dateTo: '2026-01-02T10:00:00+02:00' };
  expect(await resolveDateRange(given, paris)).toBe(given);
});
