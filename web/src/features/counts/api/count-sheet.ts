import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { filenameFrom, readErrorBlob, saveBlob } from '@/lib/download';

/** The count sheet (PDF to print, or CSV), downloaded with the bearer token. */
export async function downloadCountSheet(storeId: string, id: string, format: 'pdf' | 'csv') {
  const res = await apiClient
    .file('get', '/stores/{storeId}/count-sessions/{id}/sheet', {
      path: { storeId, id },
      query: { format },
    })
    .catch(readErrorBlob);
  const disposition = res.headers['content-disposition'] as string | undefined;
  saveBlob(res.data, filenameFrom(disposition) ?? `count-sheet.${format}`);
}

export function useCountSheet(storeId: string, id: string) {
  return useMutation({
    mutationFn: (format: 'pdf' | 'csv') => downloadCountSheet(storeId, id, format),
  });
}
