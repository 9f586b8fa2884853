import { storeDataKeys } from '@/lib/query-keys';
import type { TransferListParams } from './types';

export const transferKeys = {
  all: storeDataKeys.transfers,
  list: (storeId: string, params: TransferListParams) =>
    [...storeDataKeys.transfers(storeId), 'list', params] as const,
  detail: (storeId: string, id: string) =>
    [...storeDataKeys.transfers(storeId), 'detail', id] as const,
};
