import { storeDataKeys } from '@/lib/query-keys';

export { meQueryKey as meKey } from '@/lib/query-keys';

export const storeKeys = {
  all: ['stores'] as const,
  detail: storeDataKeys.store,
  schedules: (storeId: string) => [...storeDataKeys.store(storeId), 'schedules'] as const,
  apiKeys: (storeId: string) => [...storeDataKeys.store(storeId), 'api-keys'] as const,
  webhooks: (storeId: string) => [...storeDataKeys.store(storeId), 'webhooks'] as const,
};
