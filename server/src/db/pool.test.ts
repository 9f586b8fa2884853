import { createTestDb, type TestDb } from '../test/db';
import { isDatabaseUnavailable, withTransaction } from './pool';

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

describe('a transaction whose last writes go out with its COMMIT', () => {
  beforeAll(() => db.pool.query('CREATE TABLE IF NOT EXISTS tx_later (n int PRIMARY KEY)'));
  const rows = async () =>
    (await db.pool.query<{ n: number }>('SELECT n FROM tx_later ORDER BY n')).rows.map((r) => r.n);

  test('when every statement succeeds, then all of them commit, those handed to later included', async () => {
    await db.pool.query('DELETE FROM tx_later');
    const answer = await withTransaction(db.pool, async (tx, later) => {
      await tx.query('INSERT INTO tx_later (n) VALUES (1)');
      later(tx.query('INSERT INTO tx_later (n) VALUES (2)'));
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await rows()).toEqual([1, 2]);
  });

  test('when a statement handed to later fails, then its error is thrown and nothing of the transaction commits', async () => {
    await db.pool.query('DELETE FROM tx_later');
    const err = await withTransaction(db.pool, async (tx, later) => {
      await tx.query('INSERT INTO tx_later (n) VALUES (1)');
      later(tx.query('INSERT INTO tx_later (n) VALUES (1)'));
    }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('23505');
    expect(await rows()).toEqual([]);
    // The connection went back to the pool usable, outside any transaction.
    const { rows: state } = await db.pool.query<{ open: boolean }>(
      `SELECT now() <> statement_timestamp() AS open`,
    );
    expect(state[0]!.open).toBe(false);
  });
});
