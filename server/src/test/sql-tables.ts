import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The tables a module's SQL names. Reads every non-test `.ts` file under `modules/<m>/`, takes
 * the text of its string and template literals (comments and code are not SQL), and finds the
 * names after FROM, JOIN, INTO, UPDATE and DELETE FROM (a comma list after FROM too) that are
 * tables the migrations create. Our SQL writes its keywords in capitals, so English in a
 * message ("up 5% from ...") is not read as SQL. A table named at run time (`FROM ${table}`)
 * is reported as `DYNAMIC`: the scan cannot tell whose it is.
 */

export interface TableUse {
  module: string;
  /** Relative to `server/src/modules`. */
  file: string;
  table: string;
  writes: boolean;
}

const ident = '"?([a-z_][a-z0-9_]*)"?';
const alias = String.raw`(?:\s+(?:AS\s+)?(?!ON\b|WHERE\b|JOIN\b|LEFT\b|RIGHT\b|INNER\b|CROSS\b|FULL\b|GROUP\b|ORDER\b|LIMIT\b|USING\b|SET\b|LATERAL\b|WINDOW\b|HAVING\b)[a-z_][a-z0-9_]*)?`;
const clause = new RegExp(
  String.raw`\b(DELETE\s+FROM|INSERT\s+INTO|FROM|JOIN|INTO|UPDATE)\s+(?:ONLY\s+)?(?:public\.)?${ident}${alias}((?:\s*,\s*(?:public\.)?[a-z_][a-z0-9_]*${alias}(?!\s*\())*)`,
  'g',
);
const commaItem = new RegExp(String.raw`,\s*(?:public\.)?${ident}`, 'g');

/** The name `tableUses` gives a table whose name is interpolated (`FROM ${table}`). */
export const DYNAMIC = '${…}';

const dynamic = /\b(DELETE\s+FROM|INSERT\s+INTO|FROM|JOIN|INTO|UPDATE)\s+\$\{\}/g;

/** Table names after FROM/JOIN/INTO/UPDATE in one piece of SQL text. */
export function tablesIn(sql: string): Array<{ table: string; writes: boolean }> {
  const found: Array<{ table: string; writes: boolean }> = [];
  for (const m of sql.matchAll(dynamic)) {
    found.push({ table: DYNAMIC, writes: !/^(FROM|JOIN)$/.test(m[1]!) });
  }
  for (const m of sql.matchAll(clause)) {
    const keyword = m[1]!.replace(/\s+/g, ' ');
    const writes = keyword !== 'FROM' && keyword !== 'JOIN';
    // `FROM x(` is a function (unnest, generate_series), not a table.
    const after = sql.slice((m.index ?? 0) + m[0].length);
    if (!writes && m[3] === '' && /^\s*\(/.test(after)) continue;
    found.push({ table: m[2]!, writes });
    if (keyword === 'FROM' && m[3]) {
      for (const c of m[3].matchAll(commaItem)) found.push({ table: c[1]!, writes });
    }
  }
  return found;
}

/** The text of every string and template literal in a TypeScript source. */
export function literalsOf(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // An interpolation stands in as `${}`: `FROM ${table}` is a table named at run time.
      out.push(node.head.text + node.templateSpans.map((s) => ' ${} ' + s.literal.text).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Every table the migrations create and have not dropped since. */
export function migrationTables(migrationsDir: string): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(migrationsDir)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(path.join(migrationsDir, f), 'utf8');
    for (const m of sql.matchAll(
      /(CREATE|DROP) TABLE(?:\s+IF (?:NOT )?EXISTS)?\s+((?:"?[a-z_][a-z0-9_]*"?\s*,\s*)*"?[a-z_][a-z0-9_]*)/gi,
    )) {
      for (const name of m[2]!.split(',')) {
        const table = name.trim().replaceAll('"', '').toLowerCase();
        if (m[1]!.toUpperCase() === 'CREATE') names.add(table);
        else names.delete(table);
      }
    }
  }
  return [...names].sort();
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** Every table use in every module's non-test source, one row per (file, table, read/write). */
export function tableUses(modulesDir: string, tables: readonly string[]): TableUse[] {
  const known = new Set(tables);
  const uses = new Map<string, TableUse>();
  for (const entry of readdirSync(modulesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const full of sourcesUnder(path.join(modulesDir, entry.name))) {
      const file = path.relative(modulesDir, full).split(path.sep).join('/');
      for (const text of literalsOf(full, readFileSync(full, 'utf8'))) {
        for (const { table, writes } of tablesIn(text)) {
          if (!known.has(table) && table !== DYNAMIC) continue;
          const key = `${file}\0${table}\0${writes}`;
          if (!uses.has(key)) uses.set(key, { module: entry.name, file, table, writes });
        }
      }
    }
  }
  return [...uses.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.table.localeCompare(b.table),
  );
}
