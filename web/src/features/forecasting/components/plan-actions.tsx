import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { usePlanToList, type PlanToListInput } from '../api/plan-to-list';
import type { ReorderPlan } from '../api/types';

/**
 * The plan in one click: a shopping list to review, or purchase orders at once (one per
 * supplier). One Idempotency-Key per plan and choice, kept after success, so a second click
 * answers the same list instead of making another.
 */
export function PlanActions({ storeId, plan }: { storeId: string; plan: ReorderPlan }) {
  const toList = usePlanToList(storeId);
  const idempotency = useIdempotencyKey();
  const navigate = useNavigate();
  const items: PlanToListInput['items'] = plan.items
    .filter((i) => i.included)
    // The supplier and priority the plan shows (a reorder list's own choice: price weighed
    // against lead time), so the list and the orders are what the person saw.
    .map((i) => ({
      productId: i.productId,
      quantity: i.recommendedQuantity,
      ...(i.supplierId ? { supplierId: i.supplierId } : {}),
      priority: i.priority,
      reason: i.reason.slice(0, 500),
    }));
  if (!items.length) return null;

  function submit(placeOrders: boolean) {
    const input = { items, placeOrders };
    toList.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (result) =>
          navigate(`/stores/${storeId}/shopping-lists/${result.shoppingList.id}`, {
            state: { fromPlan: placeOrders ? 'ordered' : 'list' },
          }),
        onError: (error) => idempotency.settle(error),
      },
    );
  }

  const apiError = toList.error ? toApiError(toList.error) : undefined;
  return (
    <>
      <div className="plan-actions">
        <Button
          variant="secondary"
          busy={toList.isPending && !toList.variables?.input.placeOrders}
          busyLabel="Creating the list…"
          disabled={toList.isPending}
          onClick={() => submit(false)}
        >
          Create shopping list
        </Button>
        <Button
          busy={toList.isPending && toList.variables?.input.placeOrders}
          busyLabel="Placing orders…"
          disabled={toList.isPending}
          onClick={() => submit(true)}
        >
          Place orders
        </Button>
      </div>
      <ErrorBanner>{apiError?.message}</ErrorBanner>
    </>
  );
}
