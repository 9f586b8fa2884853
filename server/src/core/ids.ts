/** The distinct ids of a list, nulls left out: what a batched lookup by id asks for. */
export function distinctIds(ids: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const id of ids) if (id) out.add(id);
  return [...out];
}

/** `{ id, name }` of a reference, or null without one (a name gone with its row reads ''). */
export function named(id: string | null, names: ReadonlyMap<string, string>) {
  return id ? { id, name: names.get(id) ?? '' } : null;
}

/**
 * Sorting by a name as the database sorted it: each id's rank in `named`, which a query
 * returned in name order (`ORDER BY name, id`), equal names sharing a rank (so a tie falls
 * to the caller's own next key). JavaScript's string order is not the database's collation.
 */
export function nameRank(named: ReadonlyMap<string, { name: string }>): (id: string) => number {
  const ranks = new Map<string, number>();
  const first = new Map<string, number>();
  for (const [id, { name }] of named) {
    if (!first.has(name)) first.set(name, first.size);
    ranks.set(id, first.get(name)!);
  }
  return (id) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
}

/** Ascending order of uuids (their text order is PostgreSQL's uuid order). */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
