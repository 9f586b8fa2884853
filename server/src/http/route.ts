import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Permission } from '../core/access';
import type { Principal, StoreContext } from '../core/context';
import type { MoneyFields } from '../core/money';
import type { Pagination } from '../core/paging';
import { run, send, type Answer } from './answer';
import type { Guards } from './guards';
import type { Heavy } from './heavy';
import { idParams, validate } from './validate';

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
  /**
   * Run before validation: rate limits, the multipart parser. On a store route after the
   * access check; on a router that signs its `user` routes in itself (the auth routes),
   * before signing in, so a per-IP limit counts every attempt whatever its token.
   */
  before?: RequestHandler[];
  /**
   * A heavy route (http/heavy.ts): the heavy rate limit before validation, and the handler
   * run in one of the store's heavy slots (429 or 503 with Retry-After when none frees up).
   * `'slots'`: the slots only, for a route a screen calls on every visit (a product's
   * forecast), where ten a minute would refuse ordinary browsing. `'rate'`: the rate limit
   * only, for a route that merely queues heavy work (a recalculation: its job is the heavy
   * part, one at a time per store, and every asker must get the queued job's id).
   */
  heavy?: boolean | 'slots' | 'rate';
  /**
   * People only: an API key is refused (403) whatever its role. For the routes that manage who
   * may act in the store (members, invitations, API keys) and the store's deletion.
   */
  people?: boolean;
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
/** What a handler outside a store may do to the response besides answering: cookies, headers. */
export type Reply = Pick<Response, 'cookie' | 'clearCookie' | 'setHeader'>;
type PublicInput<P extends Shape, Q extends Shape, B extends Shape> = Input<P, Q, B> & {
  reply: Reply;
};
type UserInput<P extends Shape, Q extends Shape, B extends Shape> = PublicInput<P, Q, B> & {
  principal: Principal;
};

export interface RegisteredRoute {
  method: string;
  path: string;
  /** Query parameters its validation accepts (none when it validates no query). */
  query: readonly string[];
  /** Body fields its validation accepts, when it validates an object body. */
  body?: readonly string[];
}

export interface RouteDeps {
  guards: Guards;
  /** Claims the Idempotency-Key of a request (http/idempotency.ts). */
  idempotency: RequestHandler;
  heavy: Heavy;
  /**
   * A mistake in the code found while serving a request (an idempotent answer that was not
   * stored with its change): development and tests throw, so the request fails and the test
   * shows it; production logs it and goes on, since the change has committed by then and
   * failing the request would only invite a retry.
   */
  programmingError(message: string): void;
}

const inputOf = (req: Request) => ({
  params: req.params as never,
  query: req.query as never,
  body: req.body as never,
  req,
});

/**
 * Typed routes: the access rule, the request shapes, how the answer is sent and the handler,
 * in one declaration. A handler gets its parsed params, query and body typed from the zod
 * shapes, and the store context or principal the guard established, and returns data: it
 * never touches `res`, except through `raw` (a download) and, outside a store, `reply`
 * (cookies and headers: the auth routes' refresh cookie).
 */
export function routes(
  router: Router,
  deps: RouteDeps,
  mountedAt = '',
  /**
   * For a router that does not authenticate (the auth routes, most of them public): how its
   * `user` routes sign the caller in. Without it, `user` routes rely on the router's own.
   */
  signIn: RequestHandler[] = [],
) {
  const { guards } = deps;
  const registered: RegisteredRoute[] = [];
  // One router per first path segment (`/products`, `/sales`), mounted on `router` as the
  // segment is first used: a request walks its segment's routes only, not every route of
  // every module (measured: a flat list of ~45 routes, or one router per module, costs a
  // cached read up to a fifth of its throughput).
  const segments = new Map<string, Router>();
  function place(path: string): { on: Router; path: string } {
    const m = /^\/([^/:]+)(\/.*)?$/.exec(path);
    if (!m) return { on: router, path };
    let segment = segments.get(m[1]!);
    if (!segment) {
      segment = Router({ mergeParams: true });
      segments.set(m[1]!, segment);
      router.use(`/${m[1]}`, segment);
    }
    return { on: segment, path: m[2] ?? '/' };
  }

  /**
   * Access check, then `before`, signing in (`signedIn`: a user route on a router that does
   * not authenticate), validation and the key claim, then the handler.
   */
  function add(
    method: Method,
    path: string,
    opts: Shapes<Shape, Shape, Shape> & { permission?: Permission; idempotent?: unknown },
    handle: (req: Request, res: Response) => Promise<void>,
    signedIn: RequestHandler[] = [],
  ) {
    const { params, query, body } = opts;
    const checks = params || query || body ? validate(opts) : undefined;
    const template = mountedAt + (path === '/' ? '' : path) || '/';
    const named: RequestHandler = (req, _res, next) => {
      req.routeName = template;
      next();
    };
    const { on, path: local } = place(path);
    on[method](
      local,
      named,
      ...(opts.permission ? [guards.requireStorePermission(opts.permission)] : []),
      ...(opts.people ? [guards.peopleOnly] : []),
      ...(opts.heavy === true || opts.heavy === 'rate' ? [deps.heavy.rateLimit] : []),
      ...(opts.before ?? []),
      ...signedIn,
      ...(checks ? [checks] : []),
      ...(opts.idempotent ? [deps.idempotency] : []),
      handle,
    );
    registered.push({
      method,
      path: template.replace(/:(\w+)/g, '{$1}'),
      query: checks?.queryKeys ?? [],
      ...(checks?.bodyKeys ? { body: checks.bodyKeys } : {}),
    });
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
    add(method, path, opts, async (req, res) => {
      const ctx = req.store!;
      const work = () =>
        run(req, ctx, opts, () => handler({ ...inputOf(req), ctx }), deps.programmingError);
      const data = await (takesSlot(opts.heavy) ? deps.heavy.run(ctx.storeId, work) : work());
      send(req, res, opts, data);
    });
  }

  return {
    /** Every route declared here, as OpenAPI paths (the contract tests compare them). */
    registered: () => registered,

    /** A store route: a member with `permission`; the handler gets the store context. */
    store,

    /** A store list: the handler returns a page of items and its pagination. */
    page<P extends Shape = undefined, Q extends Shape = undefined, T = unknown>(
      path: string,
      opts: Shapes<P, Q, undefined> & { permission: Permission; money?: MoneyFields },
      handler: (
        input: StoreInput<P, Q, undefined>,
      ) => Promise<{ items: T[]; pagination: Pagination }>,
    ) {
      store('get', path, { ...opts, list: true }, handler);
    },

    /**
     * The routes of a plain store resource at `path`: list, create, get, update (PATCH) and
     * delete, with the permission each needs and the shapes of its list query and bodies.
     */
    resource<L extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(
      path: string,
      service: Resource<z.output<L>, z.output<C>, z.output<U>>,
      opts: {
        read: Permission;
        write: Permission;
        remove: Permission;
        list: L;
        create: C;
        update: U;
        readOnly?: { create?: Record<string, string>; update?: Record<string, string> };
        /** Where a resource holds money (core/money.ts), for every answer that carries one. */
        money?: MoneyFields;
      },
    ) {
      const one = `${path}/:id`;
      const { read, write, remove, money } = opts;
      store(
        'get',
        path,
        { permission: read, query: opts.list, list: true, money },
        ({ ctx, query }) => service.list(ctx, query as z.output<L>),
      );
      store(
        'post',
        path,
        {
          permission: write,
          body: opts.create,
          readOnly: opts.readOnly?.create,
          status: 201,
          money,
        },
        ({ ctx, body }) => service.create(ctx, body as z.output<C>),
      );
      store('get', one, { permission: read, params: idParams, money }, ({ ctx, params }) =>
        service.get(ctx, params.id),
      );
      store(
        'patch',
        one,
        {
          permission: write,
          params: idParams,
          body: opts.update,
          readOnly: opts.readOnly?.update,
          money,
        },
        ({ ctx, params, body }) => service.update(ctx, params.id, body as z.output<U>),
      );
      store(
        'delete',
        one,
        { permission: remove, params: idParams, status: 204 },
        ({ ctx, params }) => service.remove(ctx, params.id),
      );
    },

    /**
     * A route of a signed-in user outside any store: authenticated by the router, or by the
     * `signIn` handlers given to `routes()` (after `before`).
     */
    user<
      P extends Shape = undefined,
      Q extends Shape = undefined,
      B extends Shape = undefined,
      T = unknown,
    >(
      method: Method,
      path: string,
      opts: Shapes<P, Q, B> & Omit<Answer<T>, 'idempotent' | 'unchanged' | 'money'>,
      handler: (input: UserInput<P, Q, B>) => Promise<T>,
    ) {
      add(
        method,
        path,
        opts,
        async (req, res) => {
          const input = { ...inputOf(req), reply: res, principal: req.principal! };
          send(req, res, opts, await handler(input));
        },
        signIn,
      );
    },

    /**
     * A route open to anyone (health probes, signing up and in): no authentication, the same
     * `before`, validation and envelope as every other route.
     */
    public<
      P extends Shape = undefined,
      Q extends Shape = undefined,
      B extends Shape = undefined,
      T = unknown,
    >(
      method: Method,
      path: string,
      opts: Shapes<P, Q, B> & Omit<Answer<T>, 'idempotent' | 'unchanged' | 'money'>,
      handler: (input: PublicInput<P, Q, B>) => Promise<T>,
    ) {
      add(method, path, opts, async (req, res) => {
        send(req, res, opts, await handler({ ...inputOf(req), reply: res }));
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
      add(method, path, opts, (req, res) => {
        const ctx = req.store!;
        const work = () => handler({ ...inputOf(req), ctx }, res);
        return takesSlot(opts.heavy) ? deps.heavy.run(ctx.storeId, work) : work();
      });
    },
  };
}

/** What `resource` calls: a service with the five operations of a store resource. */
export interface Resource<L, C, U> {
  list(ctx: StoreContext, query: L): Promise<{ items: unknown[]; pagination: Pagination }>;
  create(ctx: StoreContext, body: C): Promise<unknown>;
  get(ctx: StoreContext, id: string): Promise<unknown>;
  update(ctx: StoreContext, id: string, body: U): Promise<unknown>;
  remove(ctx: StoreContext, id: string): Promise<void>;
}

export type Routes = ReturnType<typeof routes>;

/** Whether a heavy route's handler runs in one of the store's heavy slots. */
function takesSlot(heavy: boolean | 'slots' | 'rate' | undefined): boolean {
  return heavy === true || heavy === 'slots';
}
