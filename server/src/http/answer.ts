import type { Request, Response } from 'express';
import type { StoreContext } from '../core/context';
import { withoutMoneyFor, type MoneyFields } from '../core/money';
import type { Pagination } from '../core/paging';
import { setCommitHook } from '../db/commit-hook';
import { ok, okPage } from './envelope';

/** How a route answers (route.ts): its status, envelope, idempotency and money. */
export interface Answer<T> {
  /** 200 by default; 201 for a create; 204 answers no body. */
  status?: 200 | 201 | 202 | 204;
  /** The handler returns `{ items, pagination }`: a list envelope. */
  list?: boolean;
  /**
   * Takes an `Idempotency-Key`: the first answer is stored in the transaction that made the
   * change and replayed for the same key and body. The status of the answer, or how to tell
   * it from the result (an import answers 200 or 202).
   *
   * The handler's service must make its change through the store writer with the route's
   * `ctx` (`write(ctx, …)`): the route hangs the hook that stores the answer on `ctx`
   * (db/commit-hook.ts) and the writer runs it before COMMIT. An answer that comes back
   * without having been stored so is a programming error (`RouteDeps.programmingError`):
   * thrown in development and tests, where a handler that forgets is found at once.
   */
  idempotent?: number | ((data: T) => number);
  /**
   * For an idempotent route: the answers that changed nothing (a validate-only import rolls
   * its work back), which have no transaction to be stored in and are stored after the
   * response, as refusals are.
   */
  unchanged?: (data: T) => boolean;
  /**
   * Where the answer holds money (core/money.ts): nulled for a role that may not see it, in the
   * answer and in what is stored for replays. For a list, where each item holds it.
   */
  money?: MoneyFields;
}

export function send<T>(req: Request, res: Response, answer: Answer<T>, data: T) {
  const status =
    typeof answer.idempotent === 'function'
      ? answer.idempotent(data)
      : (answer.idempotent ?? answer.status ?? 200);
  if (status === 204) return void res.status(204).end();
  if (answer.list) {
    const { items, pagination } = data as { items: unknown[]; pagination: Pagination };
    return void res.json(okPage(req, items, pagination));
  }
  // With a key, exactly the body that was stored for replays.
  res.status(status).json(req.idempotency?.body ?? ok(req, data));
}

/** The answer as the caller's role may see it (the one money rule). */
function visible<T>(ctx: StoreContext, answer: Answer<T>, data: T): T {
  const { money } = answer;
  if (!money) return data;
  if (!answer.list) return withoutMoneyFor(ctx.role, data, money);
  const page = data as { items: unknown[] };
  return { ...page, items: page.items.map((i) => withoutMoneyFor(ctx.role, i, money)) } as T;
}

/**
 * Runs the handler; with a claimed key, the store context carries the hook that stores its
 * answer, and an answer that comes back unstored (its change made without `ctx`, or outside
 * the store writer) is reported.
 */
export async function run<T>(
  req: Request,
  ctx: StoreContext,
  answer: Answer<T>,
  handler: () => Promise<T>,
  programmingError: (message: string) => void,
): Promise<T> {
  const claim = answer.idempotent ? req.idempotency : undefined;
  if (!claim) return visible(ctx, answer, await handler());
  // Its UPDATE is issued before any await: it goes out with the COMMIT (db/commit-hook.ts).
  setCommitHook(ctx, async (tx, result) => {
    const status =
      typeof answer.idempotent === 'function'
        ? answer.idempotent(result as T)
        : (answer.idempotent as number);
    await claim.complete(tx, status, ok(req, visible(ctx, answer, result as T)));
  });
  const data = await handler();
  if (claim.body === undefined && !answer.unchanged?.(data)) {
    programmingError(
      `${req.method} ${req.routeName} takes an Idempotency-Key, but its answer was not stored in the transaction of its change: its service must make the change with the store writer and the route's ctx (write(ctx, ...)), whose transaction stores the answer before COMMIT (db/commit-hook.ts); an answer that changed nothing is declared with \`unchanged\``,
    );
  }
  return visible(ctx, answer, data);
}
