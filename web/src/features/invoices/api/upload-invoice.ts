import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys } from './invoice-keys';
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
  return apiClient.post('/stores/{storeId}/invoices', {
    path: { storeId },
    form: { supplierId: supplierId || undefined, file },
  });
}

export function useUploadInvoice(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UploadInvoiceVariables) => uploadInvoice(storeId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) }),
  });
}
