import type { AxiosResponse } from 'axios';
import type { Paged, SuccessEnvelope } from './api-types';

type Params = Record<string, string | number | boolean | undefined>;

/** Drops empty filters so the query string (and the cache key) only holds what is set. */
export function cleanParams<T extends Params>(params: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

export function toPaged<T>(res: AxiosResponse<SuccessEnvelope<T[]>>): Paged<T> {
  const { data, pagination } = res.data;
  return {
    items: data,
    pagination: pagination ?? {
      page: 1,
      limit: data.length,
      total: data.length,
      totalPages: 1,
      hasNext: false,
      hasPrev: false,
    },
  };
}
