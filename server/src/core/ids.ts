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
