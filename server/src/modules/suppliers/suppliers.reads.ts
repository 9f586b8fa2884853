import { distinctIds } from '../../core/ids';
import type { Db } from '../../db/pool';
import * as repo from './suppliers.repo';

/**
 * What other modules may read of the suppliers (this module owns `suppliers`): plain functions
 * of a `Db` with no dependencies, handed to them by the composition root instead of a JOIN
 * on `suppliers`.
 */
export const supplierReads = {
  /** Whether the store has this supplier. */
  exists: (db: Db, storeId: string, id: string) => repo.exists(db, storeId, id),

  /** These suppliers' names by id (ids not of the store are absent). */
  async namesOf(
    db: Db,
    storeId: string,
    ids: Iterable<string | null>,
  ): Promise<Map<string, string>> {
    const found = await repo.summariesOf(db, storeId, distinctIds(ids));
    return new Map([...found].map(([id, s]) => [id, s.name]));
  },

  /** The supplier's name and how to reach it (what a purchase order is addressed to). */
  async contactOf(db: Db, storeId: string, id: string) {
    const r = await repo.find(db, storeId, id);
    return (
      r && {
        name: r.name,
        contactPerson: r.contact_person,
        email: r.email,
        phone: r.phone,
        address: r.address,
        city: r.city,
        state: r.state,
        zip: r.zip,
        country: r.country,
      }
    );
  },

  /** Name, status and stated lead time of these suppliers, or of all the store's. */
  summariesOf: (db: Db, storeId: string, ids: Iterable<string | null> | 'all') =>
    repo.summariesOf(db, storeId, ids === 'all' ? 'all' : distinctIds(ids)),
};

export type SupplierReads = typeof supplierReads;
