import { distinctIds } from '../../core/ids';
import type { Db } from '../../db/pool';
import * as repo from './categories.repo';

/**
 * What other modules may read of the categories (this module owns `categories`): plain
 * functions of a `Db` with no dependencies, handed to them by the composition root.
 */
export const categoryReads = {
  /** Whether the store has this category. */
  exists: (db: Db, storeId: string, id: string) => repo.exists(db, storeId, id),

  /** These categories' names by id (ids not of the store are absent). */
  namesOf: (db: Db, storeId: string, ids: readonly (string | null)[]) =>
    repo.namesOf(db, storeId, distinctIds(ids)),

  /** The category's id and name, or undefined when the store has no such category. */
  async find(db: Db, storeId: string, id: string) {
    const name = (await repo.namesOf(db, storeId, [id])).get(id);
    return name === undefined ? undefined : { id, name };
  },

  /** The ids among `ids` that are categories of the store. */
  async existing(db: Db, storeId: string, ids: readonly string[]): Promise<Set<string>> {
    return new Set((await repo.namesOf(db, storeId, ids)).keys());
  },
};

export type CategoryReads = typeof categoryReads;
