import { DeliveryLabelsButton } from '@/features/labels/components/delivery-labels-button';
import { PurchaseOrderDetailPage } from '@/features/purchase-orders/components/purchase-order-detail-page';
import { useStoreAccess } from '@/lib/store-access';

/** A purchase order's page with the labels feature's button for what it brought in. */
export function PurchaseOrderDetailRoute() {
  const { storeId } = useStoreAccess();
  return (
    <PurchaseOrderDetailPage
      deliveryLabels={(orderId) => (
        <DeliveryLabelsButton storeId={storeId} purchaseOrderId={orderId} />
      )}
    />
  );
}
