import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys, storeDataKeys } from './product-keys';
import type { ImportOptions, ImportReport } from './types';

export interface ImportVariables {
  file: File;
  options: ImportOptions;
  /** Only for a real import: validating changes nothing, so it may simply run again. */
  idempotencyKey?: string;
}

/** Small files are imported in the request (200); large ones become a background job (202). */
export type ImportAnswer =
  { kind: 'done'; report: ImportReport } | { kind: 'queued'; jobId: string };

export async function importProducts(
  storeId: string,
  { file, options, idempotencyKey }: ImportVariables,
): Promise<ImportAnswer> {
  const body = await apiClient.post('/stores/{storeId}/products/import', {
    path: { storeId },
    form: {
      file,
      validateOnly: options.validateOnly,
      skipDuplicates: options.skipDuplicates,
      updateExisting: options.updateExisting,
      updateStock: options.updateStock,
    },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return 'status' in body ? { kind: 'queued', jobId: body.jobId } : { kind: 'done', report: body };
}

export function useImportProducts(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: ImportVariables) => importProducts(storeId, variables),
    onSuccess: (answer, { options }) => {
      if (options.validateOnly || answer.kind === 'queued') return;
      return invalidateAfterImport(queryClient, storeId);
    },
  });
}

export function invalidateAfterImport(
  queryClient: ReturnType<typeof useQueryClient>,
  storeId: string,
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
  ]);
}
