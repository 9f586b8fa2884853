import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTestDb, type TestDb } from '../test/db';
import { one } from './rows';
import { generateSchema, PG_TYPES } from './schema-gen';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

test('when the migrations change, then schema.ts is generated again (npm run generate:db)', async () => {
  const committed = await readFile(path.join(__dirname, 'schema.ts'), 'utf8');
  const fresh = await generateSchema(db.pool);
  // A stale file: run `npm run generate:db` and commit server/src/db/schema.ts.
  expect(committed).toBe(fresh);
});

const is: Record<string, (v: unknown) => boolean> = {
  boolean: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  Date: (v) => v instanceof Date && !Number.isNaN(v.getTime()),
  Buffer: (v) => Buffer.isBuffer(v),
  unknown: (v) => v !== undefined,
  'number[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  'string[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

test('when a column of each type is read through the app pool, then pg returns what schema.ts says', async () => {
  const seen: Record<string, string> = {};
  for (const [type, { ts, sample }] of Object.entries(PG_TYPES)) {
    const { rows } = await db.pool.query<{ v: unknown }>(`SELECT $1::${type} AS v`, [sample]);
    const v = one(rows).v;
    seen[type] = is[ts]?.(v) ? ts : `${typeof v} ${JSON.stringify(v)}`;
  }
  expect(seen).toEqual(Object.fromEntries(Object.entries(PG_TYPES).map(([t, m]) => [t, m.ts])));
});

test('when a statement returns no row where one was expected, then one() fails loudly', () => {
  expect(one([{ id: 'a' }])).toEqual({ id: 'a' });
  expect(() => one([])).toThrow('The statement returned no row where one was expected');
});
