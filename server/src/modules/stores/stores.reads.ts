import type { Db } from '../../db/pool';
import { listMemberships, listMembershipsOfUser } from './members.repo';
import { findStore, scheduledStores } from './stores.repo';

/**
 * What other modules may read of the stores (this module owns `stores`): plain functions of a
 * `Db`, handed to them by the composition root. Most take the time zone from `timezoneOf` on
 * the service; this reads it in the caller's own transaction, for work that must not wait for
 * a second connection from the pool while it holds one.
 */
export const storeReads = {
  /** The store's IANA time zone, or undefined when there is no such store. */
  async timezoneIn(db: Db, storeId: string): Promise<string | undefined> {
    return (await findStore(db, storeId))?.timezone;
  },

  /** The store's name, currency and time zone, or undefined when there is no such store. */
  async profileIn(db: Db, storeId: string) {
    const store = await findStore(db, storeId);
    return store && { name: store.name, currency: store.currency, timezone: store.timezone };
  },

  /** Every store's id, time zone and creation: what the scheduler's tick runs over. */
  scheduled: scheduledStores,

  /** The store's members and their roles (who tells whom of the store's alerts). */
  async membersOf(db: Db, storeId: string) {
    return (await listMemberships(db, storeId)).map((m) => ({ userId: m.userId, role: m.role }));
  },

  /** The stores a user belongs to, with the store's name and the user's role there. */
  membershipsOfUser: listMembershipsOfUser,
};

export type StoreReads = typeof storeReads;
