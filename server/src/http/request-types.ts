import type { Principal, StoreContext } from '../core/context';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    principal?: Principal;
    store?: StoreContext;
    routeTemplate?: string;
    /** The full route template, set by the route helper when a route matched. */
    routeName?: string;
  }
}
