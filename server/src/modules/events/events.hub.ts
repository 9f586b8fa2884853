import type { EventBus } from '../../platform/event-bus';
import { storeChannel } from './events.publisher';
import type { StoreEventItem } from './events.repo';

type Listener = (event: StoreEventItem) => void;
/** A user's membership of a store ended; without `userId`, everyone's (the store is gone). */
type Removal = { storeId: string; userId?: string };
type RemovalListener = (removal: Removal) => void;

const REMOVALS = 'membership-removed';
const SESSIONS_ENDED = 'sessions-ended';

/**
 * This process's end of the event bus: one bus subscription per store that has a listener
 * here (however many sockets follow it), and the news of removed memberships, which end
 * those users' subscriptions on every process.
 */
export function createEventHub(bus: EventBus) {
  const stores = new Map<
    string,
    { listeners: Set<Listener>; subscribed: Promise<() => Promise<void>> }
  >();
  const removalListeners = new Set<RemovalListener>();
  let removals: Promise<() => Promise<void>> | undefined;
  const endedListeners = new Set<(sessionIds: string[]) => void>();
  let endings: Promise<() => Promise<void>> | undefined;

  return {
    /** Resolves once events of the store published from now on reach `listener`. */
    async join(storeId: string, listener: Listener): Promise<() => void> {
      let entry = stores.get(storeId);
      if (!entry) {
        const listeners = new Set<Listener>();
        const subscribed = bus.subscribe(storeChannel(storeId), (message) => {
          for (const l of listeners) l(message as StoreEventItem);
        });
        entry = { listeners, subscribed };
        stores.set(storeId, entry);
        subscribed.catch(() => stores.get(storeId) === entry && stores.delete(storeId));
      }
      const joined = entry;
      joined.listeners.add(listener);
      try {
        await joined.subscribed;
      } catch (err) {
        joined.listeners.delete(listener);
        throw err;
      }
      return () => {
        joined.listeners.delete(listener);
        if (joined.listeners.size > 0 || stores.get(storeId) !== joined) return;
        stores.delete(storeId);
        void joined.subscribed.then((off) => off()).catch(() => undefined);
      };
    },

    /** Tells every process that a user (or, without one, everyone) left a store. */
    async announceRemoval(storeId: string, userId?: string): Promise<void> {
      await bus.publish(REMOVALS, { storeId, userId });
    },

    /** Tells every process that these sessions ended (sign-out, a password change, reuse). */
    async announceSessionsEnded(sessionIds: string[]): Promise<void> {
      await bus.publish(SESSIONS_ENDED, { sessionIds });
    },

    async onSessionsEnded(listener: (sessionIds: string[]) => void): Promise<() => void> {
      endedListeners.add(listener);
      endings ??= bus.subscribe(SESSIONS_ENDED, (m) => {
        for (const l of endedListeners) l((m as { sessionIds: string[] }).sessionIds);
      });
      await endings;
      return () => endedListeners.delete(listener);
    },

    async onRemoval(listener: RemovalListener): Promise<() => void> {
      removalListeners.add(listener);
      removals ??= bus.subscribe(REMOVALS, (m) => {
        for (const l of removalListeners) l(m as Removal);
      });
      await removals;
      return () => removalListeners.delete(listener);
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
