import { createContext, useContext } from 'react';
import { formatMoney } from './format';

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
  /** ISO 4217 code for money on this store's screens (USD until the store has loaded). */
  currency: string;
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

/** Formats money in the store's currency. */
export function useMoney(): (value: number | null | undefined) => string {
  const { currency } = useStoreAccess();
  return (value) => formatMoney(value, currency);
}
