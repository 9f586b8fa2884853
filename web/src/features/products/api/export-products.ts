import { useMutation } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/types';
import { filenameFrom, saveBlob } from '@/lib/download';
import { productsPath } from './product-keys';

export type ExportFormat = NonNullable<QueryParams<'exportProducts'>['format']>;

/** Downloaded through the API's axios instance (not a plain link) so the bearer token is sent. */
export async function exportProducts(
  storeId: string,
  format: ExportFormat,
): Promise<{ blob: Blob; filename: string }> {
  const res = await api
    .get<Blob>(productsPath(storeId, 'export'), { params: { format }, responseType: 'blob' })
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

// With responseType 'blob' an error envelope arrives as a Blob too: read it back into JSON
// so the usual error handling can show its message.
async function readErrorBlob(error: unknown): Promise<never> {
  if (isAxiosError(error) && error.response?.data instanceof Blob) {
    try {
      error.response.data = JSON.parse(await error.response.data.text());
    } catch {
      // not JSON: leave it, the caller shows a generic message
    }
  }
  throw error;
}
