export { meQueryKey as meKey } from '@/lib/query-keys';

export const storeKeys = {
  all: ['stores'] as const,
  detail: (storeId: string) => ['stores', storeId] as const,
};

export function storeUrl(storeId: string): string {
  return `/stores/${encodeURIComponent(storeId)}`;
}
