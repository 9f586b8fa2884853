import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys, invoicesPath } from './invoice-keys';
import type { InvoiceUpload } from './types';

export interface UploadInvoiceVariables {
  file: File;
  supplierId?: string;
}

/** The file is read, matched and stored as a pending invoice (or refused, and nothing kept). */
export function uploadInvoice(
  storeId: string,
  { file, supplierId }: UploadInvoiceVariables,
): Promise<InvoiceUpload> {
  const form = new FormData();
  if (supplierId) form.append('supplierId', supplierId);
  form.append('file', file);
  return apiClient.post<InvoiceUpload>(invoicesPath(storeId), form);
}

export function useUploadInvoice(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UploadInvoiceVariables) => uploadInvoice(storeId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) }),
  });
}
