import { createTestDb, type TestDb } from '../test/db';
import { isDatabaseUnavailable } from './pool';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb({ migrated: false });
});
afterAll(() => db.drop());

test('when a statement is bound with the wrong number of parameters, then it is a bug, not a database that is away', async () => {
  const err = await db.pool.query('SELECT $1::int AS n', [1, 2]).catch((e: unknown) => e);
  expect((err as { code?: string }).code).toBe('08P01');
  expect(isDatabaseUnavailable(err)).toBe(false);
});

test('when the connection is lost or the server shuts down, then the database counts as away', () => {
  for (const code of ['08006', '08003', '08001', '57P01', '57P03', '53300'])
    expect(isDatabaseUnavailable({ code })).toBe(true);
  expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isDatabaseUnavailable({ code: '23505' })).toBe(false);
});
