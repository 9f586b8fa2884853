import type { Permission, Role } from '../modules/stores/permissions';

/** Who is calling: set by requireAuth. */
export interface Principal {
  userId: string;
}

/** The store a store-scoped request acts on: set by requireStorePermission. */
export interface StoreContext {
  userId: string;
  storeId: string;
  role: Role;
  permissions: readonly Permission[];
  requestId: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    principal?: Principal;
    store?: StoreContext;
    routeTemplate?: string;
  }
}
