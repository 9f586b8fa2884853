import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys } from './invoice-keys';
import type { InvoiceUpload } from './types';

export interface UploadInvoiceVariables {
  file: File;
  supplierId?: string;
  /** Given here, they are the invoice's whatever the file says. */
  invoiceNumber?: string;
  invoiceDate?: string;
}

/** The file is read, matched and stored as a pending invoice (or refused, and nothing kept). */
export function uploadInvoice(
  storeId: string,
  { file, supplierId, invoiceNumber, invoiceDate }: UploadInvoiceVariables,
): Promise<InvoiceUpload> {
  return apiClient.post('/stores/{storeId}/invoices', {
    path: { storeId },
    form: {
      supplierId: supplierId || undefined,
      invoiceNumber: invoiceNumber || undefined,
      invoiceDate: invoiceDate || undefined,
      file,
    },
  });
}

export function useUploadInvoice(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UploadInvoiceVariables) => uploadInvoice(storeId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all(storeId) }),
  });
}
