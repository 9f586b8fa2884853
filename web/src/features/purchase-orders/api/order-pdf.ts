import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { readErrorBlob, saveBlob } from '@/lib/download';

/** The order's PDF, through the API's axios instance (the bearer token is sent). */
export async function getOrderPdf(storeId: string, orderId: string): Promise<Blob> {
  const res = await apiClient
    .file('get', '/stores/{storeId}/purchase-orders/{id}/pdf', { path: { storeId, id: orderId } })
    .catch(readErrorBlob);
  return res.data;
}

/** Prints a PDF from a hidden frame: the browser's own print dialog, with its viewer's layout. */
function printBlob(blob: Blob) {
  const url = URL.createObjectURL(blob);
  const frame = document.createElement('iframe');
  frame.className = 'visually-hidden';
  frame.title = 'Purchase order to print';
  frame.src = url;
  frame.onload = () => frame.contentWindow?.print();
  document.body.append(frame);
  // Left long enough for the print dialog to read it.
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, 60_000);
}

/** Downloads (`save`) or prints the order's PDF. */
export function useOrderPdf(storeId: string, orderId: string, orderNumber: string) {
  return useMutation({
    mutationFn: async (how: 'save' | 'print') => {
      const blob = await getOrderPdf(storeId, orderId);
      if (how === 'save') saveBlob(blob, `${orderNumber}.pdf`);
      else printBlob(blob);
    },
  });
}
