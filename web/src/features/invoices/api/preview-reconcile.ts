import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invoiceKeys } from './invoice-keys';
import type { InvoicePreview, ReconcileInput } from './types';

/** What reconciling with these choices would do, line by line; nothing is written. */
export function previewReconcile(
  storeId: string,
  invoiceId: string,
  input: Partial<ReconcileInput>,
): Promise<InvoicePreview> {
  return apiClient.post('/stores/{storeId}/invoices/{id}/reconcile/preview', {
    path: { storeId, id: invoiceId },
    body: input,
  });
}

/**
 * The review's plan, asked again whenever a choice changes (the choices are the key); the
 * previous plan stays on screen while the next one loads.
 */
export function usePreviewReconcile(
  storeId: string,
  invoiceId: string,
  input: Partial<ReconcileInput>,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...invoiceKeys.detail(storeId, invoiceId), 'preview', input],
    queryFn: () => previewReconcile(storeId, invoiceId, input),
    enabled,
    placeholderData: keepPreviousData,
  });
}
