import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Permission } from '../core/access';
import type { Principal, StoreContext } from '../core/context';
import type { Pagination } from '../core/paging';
import { withCommitHook } from '../db/commit-hook';
import { ok, okPage } from './envelope';
import type { Guards } from './guards';
import { validate } from './validate';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Shape = z.ZodType | undefined;
/** What a handler receives for a shape: its parsed value (an empty object when absent). */
type Parsed<S extends Shape> = S extends z.ZodType ? z.output<S> : Record<string, never>;

interface Shapes<P extends Shape, Q extends Shape, B extends Shape> {
  params?: P;
  query?: Q;
  body?: B;
  /** Body fields a client may have copied from a response, with what to do instead. */
  readOnly?: Record<string, string>;
  /** Run after the access check and before validation: rate limits, the multipart parser. */
  before?: RequestHandler[];
}

export interface Input<P extends Shape, Q extends Shape, B extends Shape> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  req: Request;
}

type StoreInput<P extends Shape, Q extends Shape, B extends Shape> = Input<P, Q, B> & {
  ctx: StoreContext;
};
type UserInput<P extends Shape, Q extends Shape, B extends Shape> = Input<P, Q, B> & {
  principal: Principal;
};

interface Answer<T> {
  /** 200 by default; 201 for a create; 204 answers no body. */
  status?: 200 | 201 | 202 | 204;
  /** The handler returns `{ items, pagination }`: a list envelope. */
  list?: boolean;
  /**
   * Takes an `Idempotency-Key`: the first answer is stored in the transaction that made the
   * change (see db/commit-hook.ts) and replayed for the same key and body. The status of the
   * answer, or how to tell it from the result (an import answers 200 or 202).
   */
  idempotent?: number | ((data: T) => number);
}

export interface RouteDeps {
  guards: Guards;
  /** Claims the Idempotency-Key of a request (http/idempotency.ts). */
  idempotency: RequestHandler;
}

const inputOf = (req: Request) => ({
  params: req.params as never,
  query: req.query as never,
  body: req.body as never,
  req,
});

function send<T>(req: Request, res: Response, answer: Answer<T>, data: T) {
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

/** Runs the handler; with a claimed key, inside the commit hook that stores its answer. */
async function run<T>(req: Request, answer: Answer<T>, handler: () => Promise<T>): Promise<T> {
  const claim = req.idempotency;
  if (!claim || !answer.idempotent) return handler();
  return withCommitHook(async (tx, result) => {
    const status =
      typeof answer.idempotent === 'function'
        ? answer.idempotent(result as T)
        : (answer.idempotent as number);
    await claim.complete(tx, status, ok(req, result));
  }, handler);
}

/**
 * Typed routes: the access rule, the request shapes, how the answer is sent and the handler,
 * in one declaration. A handler gets its parsed params, query and body typed from the zod
 * shapes, and the store context or principal the guard established, and returns data: it
 * never touches `res`, except through `raw`.
 */
export function routes(router: Router, deps: RouteDeps) {
  const { guards } = deps;

  function chain(
    access: RequestHandler[],
    shapes: Shapes<Shape, Shape, Shape>,
    idempotent: boolean,
  ): RequestHandler[] {
    const checks = shapes.params || shapes.query || shapes.body ? [validate(shapes)] : [];
    return [
      ...access,
      ...(shapes.before ?? []),
      ...checks,
      ...(idempotent ? [deps.idempotency] : []),
    ];
  }

  function store<
    P extends Shape = undefined,
    Q extends Shape = undefined,
    B extends Shape = undefined,
    T = unknown,
  >(
    method: Method,
    path: string,
    opts: Shapes<P, Q, B> & Answer<T> & { permission: Permission },
    handler: (input: StoreInput<P, Q, B>) => Promise<T>,
  ) {
    router[method](
      path,
      ...chain([guards.requireStorePermission(opts.permission)], opts, !!opts.idempotent),
      async (req: Request, res: Response) => {
        const data = await run(req, opts, () => handler({ ...inputOf(req), ctx: req.store! }));
        send(req, res, opts, data);
      },
    );
  }

  return {
    /** A store route: a member with `permission`; the handler gets the store context. */
    store,

    /** A store list: the handler returns a page of items and its pagination. */
    page<P extends Shape = undefined, Q extends Shape = undefined, T = unknown>(
      path: string,
      opts: Shapes<P, Q, undefined> & { permission: Permission },
      handler: (
        input: StoreInput<P, Q, undefined>,
      ) => Promise<{ items: T[]; pagination: Pagination }>,
    ) {
      store('get', path, { ...opts, list: true }, handler);
    },

    /** A route of a signed-in user outside any store (authentication is on the router). */
    user<
      P extends Shape = undefined,
      Q extends Shape = undefined,
      B extends Shape = undefined,
      T = unknown,
    >(
      method: Method,
      path: string,
      opts: Shapes<P, Q, B> & Answer<T>,
      handler: (input: UserInput<P, Q, B>) => Promise<T>,
    ) {
      router[method](path, ...chain([], opts, false), async (req: Request, res: Response) => {
        send(req, res, opts, await handler({ ...inputOf(req), principal: req.principal! }));
      });
    },

    /**
     * A store route that writes the response itself (a file download): the escape hatch,
     * with the same access rule and validation.
     */
    raw<P extends Shape = undefined, Q extends Shape = undefined, B extends Shape = undefined>(
      method: Method,
      path: string,
      opts: Shapes<P, Q, B> & { permission: Permission },
      handler: (input: StoreInput<P, Q, B>, res: Response) => Promise<void>,
    ) {
      router[method](
        path,
        ...chain([guards.requireStorePermission(opts.permission)], opts, false),
        async (req: Request, res: Response) => {
          await handler({ ...inputOf(req), ctx: req.store! }, res);
        },
      );
    },
  };
}

export type Routes = ReturnType<typeof routes>;
