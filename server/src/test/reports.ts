import type { StoreMember } from './factories';

/** The UTC calendar day `n` days ago (test stores keep the default UTC time zone). */
export const dayAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A report's JSON, answered 200. */
export async function reportOf(s: StoreMember, path: string) {
  return (await s.api.get(`${s.url}/reports/${path}`).set(s.auth).expect(200)).body.data;
}

/** CSV text as rows of cells (cells in these tests hold no commas or quotes but the guarded). */
export function csvRows(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}
