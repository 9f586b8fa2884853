import type { Permission, Role } from './access';

/** An API key calling (modules/api-keys): bound to one store with its own role. */
export interface KeyCaller {
  id: string;
  name: string;
  storeId: string;
  role: Role;
}

/**
 * Who is calling: a signed-in user (set by authentication), or an API key. A key acts for
 * the account that created it where a row names a person (`userId`), with its own role and
 * only in its own store (`apiKey`).
 */
export interface Principal {
  userId: string;
  apiKey?: KeyCaller;
}

/** Who caused a change, as its events record it (null: the system). */
export type Actor = { type: 'user'; id: string } | { type: 'apiKey'; id: string; name: string };

/** The store an operation acts on, and who acts in it with which role. */
export interface StoreContext {
  userId: string;
  storeId: string;
  role: Role;
  permissions: readonly Permission[];
  requestId: string;
  /** Set when an API key acts (its events name it). */
  apiKey?: { id: string; name: string };
}

/** The actor of a change made in this scope (a store context, or a bare store scope). */
export function actorOf(scope: { userId?: string; apiKey?: { id: string; name: string } }) {
  if (scope.apiKey)
    return { type: 'apiKey', id: scope.apiKey.id, name: scope.apiKey.name } as const;
  if (scope.userId) return { type: 'user', id: scope.userId } as const;
  return null;
}
