import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import type { ImportAnswer, ImportOptions, ImportReport } from './import-types';
import { productKeys, productsPath, storeDataKeys } from './product-keys';

export interface ImportVariables {
  file: File;
  options: ImportOptions;
  /** Only for a real import: validating changes nothing, so it may simply run again. */
  idempotencyKey?: string;
}

type ImportBody = (ImportReport & { jobId: null }) | { jobId: string };

export async function importProducts(
  storeId: string,
  { file, options, idempotencyKey }: ImportVariables,
): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('file', file);
  form.append('validateOnly', String(options.validateOnly));
  form.append('skipDuplicates', String(options.skipDuplicates));
  form.append('updateExisting', String(options.updateExisting));
  form.append('updateStock', String(options.updateStock));
  const res = await api.post<SuccessEnvelope<ImportBody>>(productsPath(storeId, 'import'), form, {
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
  });
  const body = res.data.data;
  if (body.jobId) return { kind: 'queued', jobId: body.jobId };
  const report = body as ImportReport;
  return { kind: 'done', report: { summary: report.summary, errors: report.errors ?? [] } };
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
