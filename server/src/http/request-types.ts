import type { Principal, StoreContext } from '../core/context';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    principal?: Principal;
    store?: StoreContext;
    routeTemplate?: string;
  }
}
