import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/types';
import { filenameFrom, readErrorBlob, saveBlob } from '@/lib/download';

export type ExportFormat = NonNullable<QueryParams<'exportProducts'>['format']>;

/** Downloaded through the API's axios instance (not a plain link) so the bearer token is sent. */
export async function exportProducts(
  storeId: string,
  format: ExportFormat,
): Promise<{ blob: Blob; filename: string }> {
  const res = await apiClient
    .file('get', '/stores/{storeId}/products/export', { path: { storeId }, query: { format } })
    .catch(readErrorBlob);
  const fallback = `products-${new Date().toISOString().slice(0, 10)}.${format}`;
  const disposition = res.headers['content-disposition'] as string | undefined;
  return { blob: res.data, filename: filenameFrom(disposition) ?? fallback };
}

export function useExportProducts(storeId: string) {
  return useMutation({
    mutationFn: (format: ExportFormat) => exportProducts(storeId, format),
    onSuccess: ({ blob, filename }) => saveBlob(blob, filename),
  });
}
