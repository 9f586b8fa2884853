import { Button } from '@/components/button';
import { toApiError } from '@/lib/api-error';
import { useOrderPdf } from '../api/order-pdf';
import type { PurchaseOrder } from '../api/types';

/** The order's PDF: downloaded, or printed through the browser's print dialog. */
export function OrderDocuments({ storeId, order }: { storeId: string; order: PurchaseOrder }) {
  const pdf = useOrderPdf(storeId, order.id, order.orderNumber);
  return (
    <>
      <Button
        variant="secondary"
        busy={pdf.isPending && pdf.variables === 'save'}
        busyLabel="Preparing PDF…"
        onClick={() => pdf.mutate('save')}
      >
        Download PDF
      </Button>
      <Button
        variant="secondary"
        busy={pdf.isPending && pdf.variables === 'print'}
        busyLabel="Preparing…"
        onClick={() => pdf.mutate('print')}
      >
        Print
      </Button>
      {pdf.error && (
        <span className="field__error" role="alert">
          {toApiError(pdf.error).message}
        </span>
      )}
    </>
  );
}
