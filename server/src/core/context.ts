import type { Permission, Role } from './access';

/** Who is calling: a signed-in user (set by authentication). */
export interface Principal {
  userId: string;
}

/** The store an operation acts on, and who acts in it with which role. */
export interface StoreContext {
  userId: string;
  storeId: string;
  role: Role;
  permissions: readonly Permission[];
  requestId: string;
}
