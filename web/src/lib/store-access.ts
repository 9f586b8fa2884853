import { createContext, useContext } from 'react';
import type { Permission, Role } from './api/types';
import { formatMoney } from './format';

/** The store the user is working in and what they may do there (from /auth/me). */
export interface StoreAccess {
  storeId: string;
  storeName: string;
  role: Role;
  permissions: readonly Permission[];
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

/**
 * The money rule (the API's, core/money.ts): costs, purchase prices and totals, supplier spend
 * and stock values are for the roles that view reports. For the others the API sends them as
 * null; screens leave them out rather than show a dash where a number would be.
 */
export function useSeesMoney(): boolean {
  return useCan('reports:view');
}

/** Formats money in the store's currency. */
export function useMoney(): (value: number | null | undefined) => string {
  const { currency } = useStoreAccess();
  return (value) => formatMoney(value, currency);
}
