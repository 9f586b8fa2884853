import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { transferKeys } from './transfer-keys';
import type { Transfer } from './types';

export function getTransfer(storeId: string, id: string): Promise<Transfer> {
  return apiClient.get('/stores/{storeId}/transfers/{id}', { path: { storeId, id } });
}

export function useTransfer(storeId: string, id: string) {
  return useQuery({
    queryKey: transferKeys.detail(storeId, id),
    queryFn: () => getTransfer(storeId, id),
  });
}
