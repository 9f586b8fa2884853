import type { RequestBody, Schemas } from '@/lib/api/types';

export type Store = Schemas['Store'];
export type StoreInput = RequestBody<'createStore'>;
export type StoreChanges = RequestBody<'updateStore'>;
