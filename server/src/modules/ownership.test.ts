import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DYNAMIC,
  literalsOf,
  migrationTables,
  tablesIn,
  tableUses,
  type TableUse,
} from '../test/sql-tables';
import { LAYER_OWNERS, READ_MODELS, TABLE_OWNERS, ownersOf } from './ownership';

/**
 * Every table has an owner (ownership.ts), and a module's SQL names only the tables it owns:
 * it reaches another module's data through that module's reads or service. The read models
 * (analytics, reports) read the other tables they list, and nothing writes another's table.
 * docs/architecture.md shows the same map.
 */

const SRC = path.join(__dirname, '..');
const MIGRATIONS = path.join(SRC, '..', '..', 'migrations');
const DOC = path.join(SRC, '..', '..', 'docs', 'architecture.md');
const MODULES = __dirname;

const tables = migrationTables(MIGRATIONS);
const modules = readdirSync(MODULES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const uses = tableUses(MODULES, tables);
const owns = (module: string, table: string) => ownersOf(table)?.includes(module) ?? false;
const say = (found: TableUse[]) => found.map((u) => `${u.file}: ${u.table}`).join('\n');

describe('the scan', () => {
  test('finds the tables after FROM, JOIN, INTO, UPDATE and DELETE FROM, comma lists too', () => {
    const sql = `WITH x AS (SELECT 1 FROM sales s, sale_items si WHERE s.id = si.sale_id)
      SELECT * FROM products p JOIN categories c ON c.id = p.category_id,
        unnest($1::uuid[]) AS u(id), generate_series(1, 2) g
      LEFT JOIN suppliers s2 ON true;
      INSERT INTO jobs (id) VALUES ($1); UPDATE stores SET name = $2; DELETE FROM users WHERE id = $3`;
    expect(tablesIn(sql)).toEqual([
      { table: 'sales', writes: false },
      { table: 'sale_items', writes: false },
      { table: 'products', writes: false },
      { table: 'categories', writes: false },
      { table: 'suppliers', writes: false },
      { table: 'jobs', writes: true },
      { table: 'stores', writes: true },
      { table: 'users', writes: true },
    ]);
  });

  test('reads only string and template literals: comments and English are not SQL, an interpolated table is', () => {
    const source = [
      '// SELECT * FROM users',
      "const a = 'SELECT id FROM products WHERE store_id = $1';",
      'const b = `up 5% from ${x} on the invoices`;',
      'const c = `SELECT 1 FROM ${table} t JOIN sales s ON true`;',
    ].join('\n');
    const found = literalsOf('x.ts', source).flatMap((text) => tablesIn(text));
    expect(found.map((f) => f.table)).toEqual(['products', DYNAMIC, 'sales']);
  });
});

describe('the map', () => {
  test('every table the migrations create has an owner, and the map names no other table', () => {
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables);
  });

  test('every owner is a module or a shared layer, and every read model is a module', () => {
    const known = new Set<string>([...modules, ...LAYER_OWNERS]);
    const unknown = Object.entries(TABLE_OWNERS).flatMap(([table, owners]) =>
      owners.filter((o) => !known.has(o)).map((o) => `${table}: ${o}`),
    );
    expect(unknown).toEqual([]);
    expect(Object.keys(READ_MODELS).filter((m) => !modules.includes(m))).toEqual([]);
  });

  test('the shared layers name only the tables they own', () => {
    const wrong = LAYER_OWNERS.flatMap((layer) => {
      const dir = path.join(SRC, layer);
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
      return files.flatMap((f) =>
        literalsOf(f, readFileSync(path.join(dir, f), 'utf8'))
          .flatMap((text) => tablesIn(text))
          .filter((u) => tables.includes(u.table) && !owns(layer, u.table))
          .map((u) => `${layer}/${f}: ${u.table}`),
      );
    });
    expect(wrong).toEqual([]);
  });
});

describe("a module's SQL", () => {
  test('writes only tables its module owns', () => {
    expect(say(uses.filter((u) => u.writes && !owns(u.module, u.table)))).toBe('');
  });

  test("reads another module's table only as a read model that lists it", () => {
    const crossing = uses.filter(
      (u) =>
        !u.writes &&
        !owns(u.module, u.table) &&
        !(READ_MODELS[u.module]?.reads as readonly string[] | undefined)?.includes(u.table) &&
        !(u.table === DYNAMIC && READ_MODELS[u.module]),
    );
    expect(say(crossing)).toBe('');
  });

  test('a read model reads every table it lists (the list is no wider than its SQL)', () => {
    const unused = Object.entries(READ_MODELS).flatMap(([module, model]) =>
      model.reads
        .filter((table) => !uses.some((u) => u.module === module && u.table === table))
        .map((table) => `${module}: ${table}`),
    );
    expect(unused).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  const doc = readFileSync(DOC, 'utf8');
  const section = (name: string) => {
    const m = doc.match(new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`));
    return (m?.[1] ?? '').trim();
  };
  const rows = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
      .slice(1)
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/`/g, '')),
      );

  test('shows the ownership map as ownership.ts has it', () => {
    const byOwner = new Map<string, string[]>();
    for (const [table, owners] of Object.entries(TABLE_OWNERS)) {
      const key = owners.join(', ');
      byOwner.set(key, [...(byOwner.get(key) ?? []), table]);
    }
    const expected = [...byOwner].map(([owner, ts]) => [owner, ts.sort().join(', ')]);
    expect(rows(section('ownership'))).toEqual(expected);
  });

  test('names the read models ownership.ts allows, with the tables they read', () => {
    expect(rows(section('read-models')).map(([module, reads]) => [module, reads])).toEqual(
      Object.entries(READ_MODELS).map(([module, m]) => [module, [...m.reads].sort().join(', ')]),
    );
  });
});
