import { useRef } from 'react';
import { isAxiosError } from 'axios';
import { useIdempotencyKey } from '@/lib/idempotency';
import { serverNow } from '@/lib/server-clock';
import { useSession } from '@/lib/session';
import { useCreateSale } from '../api/create-sale';
import { queueSale } from '../api/sale-outbox';
import {
  saleItem,
  type QueuedSale,
  type Sale,
  type SaleExtras,
  type SaleInput,
  type TillLine,
} from '../api/types';
import { nextProvisionalNumber } from '../offline/provisional-number';

export interface CompleteCallbacks {
  onRecorded: (sale: Sale) => void;
  /** Kept on this device, under a provisional receipt number. */
  onQueued: (sale: QueuedSale) => void;
  onSettled: () => void;
}

function unanswered(error: unknown): boolean {
  return isAxiosError(error) && !error.response && error.code !== 'ERR_CANCELED';
}

/**
 * Records the sale, or, when the server cannot be reached (offline, or no answer before the
 * timeout), keeps it on this device to be sent with the same Idempotency-Key later. Either
 * way the till is free for the next customer; a refusal (not enough stock) stays on screen.
 */
export function useCompleteSale(storeId: string) {
  const mutation = useCreateSale(storeId);
  const idempotency = useIdempotencyKey();
  const session = useSession();
  const userId = session.status === 'authenticated' ? session.user.id : undefined;
  // When the attempt under the current key was rung up: a retry of it is the same sale.
  const stamp = useRef<{ key: string; soldAt: string }>(undefined);

  function complete(
    lines: TillLine[],
    totals: { total: number; units: number },
    on: CompleteCallbacks,
    extras: SaleExtras = {},
    /** A manager's approval of discounts beyond the employee's limit (Approval-Token). */
    approval?: string,
  ) {
    const items = lines.map(saleItem);
    // The same lines paid another way are another sale: another key.
    const idempotencyKey = idempotency.keyFor({ items, ...extras });
    // Stamped now, sent with every attempt and from the outbox: a sale kept offline overnight
    // still lands on the day it was rung up (the server allows a few days back).
    if (stamp.current?.key !== idempotencyKey) {
      stamp.current = { key: idempotencyKey, soldAt: serverNow().toISOString() };
    }
    const input: SaleInput = { items, ...extras, soldAt: stamp.current.soldAt };

    async function queue(): Promise<boolean> {
      if (!userId) return false;
      const queued: QueuedSale = {
        idempotencyKey,
        storeId,
        userId,
        input,
        lines,
        ...totals,
        queuedAt: Date.now(),
        provisionalNumber: nextProvisionalNumber(),
      };
      try {
        await queueSale(queued);
      } catch {
        return false; // No IndexedDB (a private window in some browsers): the error stays.
      }
      idempotency.settle();
      mutation.reset();
      on.onQueued(queued);
      return true;
    }

    function send() {
      mutation.mutate(
        { input, idempotencyKey, approval },
        {
          onSuccess: on.onRecorded,
          onSettled: async (_sale, error) => {
            if (!(unanswered(error) && (await queue()))) idempotency.settle(error);
            on.onSettled();
          },
        },
      );
    }

    // Known to be offline: straight to the queue (or, without one, an honest network error).
    if (!navigator.onLine) {
      void queue().then((queued) => (queued ? on.onSettled() : send()));
    } else {
      send();
    }
  }

  return { complete, mutation };
}
