import fc from 'fast-check';
import type * as Jsf from 'json-schema-faker' with { 'resolution-mode': 'import' };
import { standalone } from './operations';

// json-schema-faker ships ES modules only (no `require` condition): imported once, before the
// first sample, by `loadGenerator` (the fuzzer's beforeAll).
let jsf: typeof Jsf | undefined;
export async function loadGenerator(): Promise<void> {
  jsf ??= await import('json-schema-faker');
}

/*
 * Values for requests: what the contract says a field holds (json-schema-faker, seeded by
 * fast-check so a failure replays), and what a hostile client sends instead.
 */
type Schema = Record<string, unknown>;

/** Strings that have broken servers: names every object inherits, injections, encodings. */
export const HOSTILE = [
  '',
  ' ',
  'null',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  "' OR 1=1 --",
  '%00',
  '%',
  '\u0000',
  '\ud800',
  '../../etc/passwd',
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '😀'.repeat(20),
  'a'.repeat(5000),
] as const;

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** A value valid for the schema, as the generator makes one for this seed. */
export function sampleOf(schema: Schema, seed: number, heavy = false): unknown {
  if (!jsf) throw new Error('loadGenerator() first');
  try {
    return jsf.generateSync(standalone(schema), {
      seed,
      optionalsProbability: 0.6,
      maxItems: heavy ? 50 : 4,
      maxLength: heavy ? 2000 : 40,
      maxDepth: 6,
    });
  } catch {
    return {};
  }
}

export const sample = (schema: Schema, heavy = false) =>
  fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => sampleOf(schema, seed, heavy));

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

/** Ways to spoil a valid JSON body. */
const spoilers = fc.oneof(
  fc.constant({ kind: 'as-is' as const }),
  fc.constant({ kind: 'as-is' as const }),
  fc.record({ kind: fc.constant('wrong-type' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('drop' as const) }),
  fc.record({
    kind: fc.constant('extra' as const),
    key: hostileString,
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
  fc.record({ kind: fc.constant('hostile' as const), value: hostileString }),
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('nested' as const), depth: fc.integer({ min: 1, max: 40 }) }),
);

/** A body the contract describes, then (often) one field or the whole of it spoiled. */
export function jsonBody(schema: Schema, heavy = false) {
  return fc.tuple(sample(schema, heavy), spoilers, fc.nat()).map(([value, spoil, pick]) => {
    if (spoil.kind === 'replace') return spoil.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const body = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(body);
    const key = keys.length ? keys[pick % keys.length]! : 'x';
    if (spoil.kind === 'wrong-type') body[key] = spoil.value;
    else if (spoil.kind === 'drop') delete body[key];
    else if (spoil.kind === 'extra') body[spoil.key] = spoil.value;
    else if (spoil.kind === 'hostile') body[key] = spoil.value;
    else if (spoil.kind === 'nested') body[key] = nested(spoil.depth);
    return body;
  });
}

/** A query or path value: valid for its schema, or hostile. */
export function paramValue(schema: Schema) {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: sample(schema).map((v) => (Array.isArray(v) ? v.join(',') : String(v))),
    },
    { weight: 1, arbitrary: hostileString },
  );
}
