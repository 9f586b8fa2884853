import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { filenameFrom, readErrorBlob, saveBlob } from '@/lib/download';

/** The invoice's file as uploaded, through the API's axios instance (the bearer token is sent). */
export async function downloadOriginal(storeId: string, id: string, fallback: string) {
  const res = await apiClient
    .file('get', '/stores/{storeId}/invoices/{id}/file', { path: { storeId, id } })
    .catch(readErrorBlob);
  const disposition = res.headers['content-disposition'] as string | undefined;
  saveBlob(res.data, filenameFrom(disposition) ?? fallback);
}

export function useDownloadOriginal(storeId: string, id: string, fallback: string) {
  return useMutation({ mutationFn: () => downloadOriginal(storeId, id, fallback) });
}
