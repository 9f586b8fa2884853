/* eslint-disable no-restricted-imports -- explains the repositories' own SQL. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Pool, PoolClient } from 'pg';
import { loadConfig } from '../config';
import { createPool, type Db } from '../db/pool';
import { one } from '../db/rows';
import { createLogger } from '../logger';
import { typeAhead } from '../modules/products/product-search.repo';
import { listProducts } from '../modules/products/products-list.repo';
import { listProductsQuery } from '../modules/products/products.schemas';
import { listCases, type ListCase } from './list-scenarios';
import { benchServer, withDatabase } from './seeded-db';

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of every statement each product list and search runs, against a
 * seeded bench store, written to docs/query-plans.md:
 *   npm run build -w server && node server/dist/bench/query-plans.js --db nimbus_bench_1000000p_7d_v2
 * Each case runs once to warm the cache, then once explained. A plan reading the store's
 * products with a sequential scan is flagged (and the script exits 1).
 */
interface Explained {
  text: string;
  plan: string;
  ms: number;
}

/** A Db whose every statement is explained (on the same connection) before it runs. */
function explaining(client: PoolClient, out: Explained[]): Db {
  const query = async (a: string | { text: string; values?: unknown[] }, b?: unknown[]) => {
    const text = typeof a === 'string' ? a : a.text;
    const values = typeof a === 'string' ? b : a.values;
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
      values,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    out.push({ text: text.replace(/\s+/g, ' ').trim(), plan, ms });
    return client.query(text, values);
  };
  return { query } as unknown as Db;
}

async function marker(pool: Pool) {
  const { rows } = await pool.query<{ c: string }>(
    `SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = current_database()`,
  );
  return JSON.parse(one(rows).c) as { storeId: string };
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'nimbus_bench_1000000p_7d_v2' },
      out: { type: 'string', default: path.resolve(__dirname, '../../../docs/query-plans.md') },
    },
  });
  const config = loadConfig();
  const server = await benchServer(config.databaseUrl, config.dataDir, createLogger('error'));
  const pool = createPool(withDatabase(server.adminUrl, values.db), 2);
  const client = await pool.connect();
  try {
    const { storeId } = await marker(pool);
    const { rows: counted } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM products WHERE store_id = $1',
      [storeId],
    );
    const cases: Array<[string, ListCase]> = Object.entries(await listCases(pool, storeId)).map(
      ([name, group]) => [name, group[Math.floor(group.length / 2)]!],
    );
    const { rows: cat } = await pool.query<{ id: string }>(
      `SELECT category_id AS id FROM products WHERE store_id = $1 AND category_id IS NOT NULL
       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [storeId],
    );
    const more: Array<[string, string]> = [
      ['list: category + lowStock, sort=name', `category=${cat[0]!.id}&lowStock=true&sort=name`],
      ['list: no filter, sort=name, page 50', 'sort=name&page=50'],
      ['list: sort=cost', 'sort=cost'],
      ['search: chocolate (relevance)', 'search=chocolate'],
      ['search: chocolate, sort=name', 'search=chocolate&sort=name'],
      ['search: a misspelt word (chocolat → chocolate)', 'search=chocolat'],
      ['search: no match at all', 'search=zzqxv'],
    ];
    for (const [name, qs] of more) cases.push([name, { name, qs: `${qs}&limit=20` }]);
    const sections: string[] = [];
    const summary: string[] = [];
    let flagged = 0;
    const record = async (name: string, run: (db: Db) => Promise<unknown>) => {
      await run(client);
      const explained: Explained[] = [];
      await run(explaining(client, explained));
      const seq = explained.some((e) => /Seq Scan on products\b/.test(e.plan));
      if (seq) flagged++;
      const total = explained.reduce((s, e) => s + e.ms, 0);
      summary.push(
        `| ${name} | ${explained.length} | ${total.toFixed(2)} | ${seq ? '**yes**' : 'no'} |`,
      );
      sections.push(
        `## ${name}\n\n` +
          explained
            .map((e) => `\`\`\`sql\n${e.text}\n\`\`\`\n\n\`\`\`\n${e.plan}\n\`\`\`\n`)
            .join('\n'),
      );
    };
    for (const [name, c] of cases) {
      const q = listProductsQuery.parse(Object.fromEntries(new URLSearchParams(c.qs)));
      await record(`${name} — \`${c.qs.replace(/[0-9a-f-]{36}/g, '…')}\``, (db) =>
        listProducts(db, storeId, q, c.after),
      );
    }
    for (const term of ['choc', 'chocolate', 'chocolat', 'dark choc']) {
      await record(`type-ahead: "${term}"`, (db) => typeAhead(db, storeId, term, 8));
    }
    const { rows: v } = await pool.query<{ v: string }>('SELECT version() AS v');
    const doc = [
      '# Query plans of the product lists and searches',
      '',
      `Generated by \`server/src/bench/query-plans.ts\` on ${new Date().toISOString().slice(0, 16)} UTC ` +
        `against \`${values.db}\`: one store of ${counted[0]!.n.toLocaleString('en')} products ` +
        `(${v[0]!.v.split(',')[0]}). Refresh: \`npm run build -w server && ` +
        `DATABASE_URL=… node server/dist/bench/query-plans.js --db ${values.db}\`.`,
      '',
      'Each case ran once to warm the cache, then once under `EXPLAIN (ANALYZE, BUFFERS)`, every ' +
        'statement it sends (a list page and its capped count run side by side). Times are on a ' +
        'shared, loaded 2-core machine: the buffers and the plan shapes are what count.',
      '',
      '| case | statements | execution, ms (sum) | sequential scan of products |',
      '| --- | ---: | ---: | --- |',
      ...summary,
      '',
      ...sections,
    ].join('\n');
    await writeFile(values.out, doc);
    process.stdout.write(`${summary.join('\n')}\nwritten to ${values.out}\n`);
    process.exitCode = flagged ? 1 : 0;
  } finally {
    client.release();
    await pool.end();
    await server.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`query-plans failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
