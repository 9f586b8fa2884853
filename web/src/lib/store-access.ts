import { createContext, useContext } from 'react';

export type Permission =
  | 'inventory:read'
  | 'inventory:write'
  | 'inventory:delete'
  | 'vendor:manage'
  | 'invoice:process'
  | 'reports:view'
  | 'settings:manage';

/** The store the user is working in and what they may do there (from /auth/me). */
export interface StoreAccess {
  storeId: string;
  storeName: string;
  role: string;
  permissions: readonly string[];
}

export const StoreAccessContext = createContext<StoreAccess | null>(null);

export function useStoreAccess(): StoreAccess {
  const access = useContext(StoreAccessContext);
  if (!access) throw new Error('useStoreAccess must be used inside a store route');
  return access;
}

export function useCan(permission: Permission): boolean {
  return useStoreAccess().permissions.includes(permission);
}
