import { Button } from '@/components/button';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { useSetReorderPoint } from '../api/set-reorder-point';

/** "Use suggested: 36": makes Nimbus's reorder point the product's own, in one click. */
export function UseSuggestedReorderPoint({
  storeId,
  productId,
  value,
}: {
  storeId: string;
  productId: string;
  value: number;
}) {
  const setPoint = useSetReorderPoint(storeId, productId);
  return (
    <>
      <Button
        variant="secondary"
        busy={setPoint.isPending}
        busyLabel="Saving…"
        onClick={() => setPoint.mutate(value)}
      >
        Use suggested: {formatNumber(value)}
      </Button>
      <ErrorBanner>{setPoint.error ? toApiError(setPoint.error).message : undefined}</ErrorBanner>
    </>
  );
}
