import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney } from '@/lib/store-access';
import { useConvertShoppingList } from '../api/convert-shopping-list';
import type { ConvertResult, ShoppingList } from '../api/types';

interface ConvertDialogProps {
  storeId: string;
  list: ShoppingList;
  open: boolean;
  onClose: () => void;
  onConverted: (result: ConvertResult) => void;
}

/** The orders the list would become, one per supplier, before they are created. */
function plannedOrders(list: ShoppingList) {
  const open = list.items.filter((i) => i.quantity > 0 && !i.purchased);
  const orders = new Map<string, { name: string; items: number; cents: number }>();
  for (const item of open) {
    if (!item.supplier) continue;
    const o = orders.get(item.supplier.id) ?? { name: item.supplier.name, items: 0, cents: 0 };
    o.items += 1;
    o.cents += Math.round((item.estimatedCost ?? 0) * 100);
    orders.set(item.supplier.id, o);
  }
  return { orders: [...orders.values()], orphans: open.filter((i) => !i.supplier) };
}

export function ConvertDialog({ storeId, list, open, onClose, onConverted }: ConvertDialogProps) {
  const money = useMoney();
  const convert = useConvertShoppingList(storeId, list.id);
  const idempotency = useIdempotencyKey();
  const { orders, orphans } = plannedOrders(list);
  const apiError = convert.error ? toApiError(convert.error) : undefined;

  function close() {
    convert.reset();
    onClose();
  }

  function confirm() {
    convert.mutate(idempotency.keyFor(list.id), {
      onSuccess: onConverted,
      onSettled: (_result, error) => idempotency.settle(error),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create purchase orders"
      description="Each supplier gets one pending order for the items not yet purchased. The list is then closed for changes."
    >
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      {orphans.length > 0 && (
        <p className="notice notice--danger">
          Pick a supplier first for {orphans.map((i) => i.product.name).join(', ')}.
        </p>
      )}
      {orders.length === 0 && !orphans.length && (
        <p className="muted">Nothing to order: every item is purchased or has a quantity of 0.</p>
      )}
      {orders.length > 0 && (
        <ul className="bullet-list" aria-label="Orders to create">
          {orders.map((o) => (
            <li key={o.name}>
              <strong>{o.name}</strong>: {formatCount(o.items, 'item')}, estimated{' '}
              {money(o.cents / 100)}
            </li>
          ))}
        </ul>
      )}
      <div className="form__actions">
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
        <Button
          onClick={confirm}
          disabled={!orders.length || orphans.length > 0}
          busy={convert.isPending}
          busyLabel="Creating orders…"
        >
          {orders.length
            ? `Create ${formatCount(orders.length, 'purchase order')}`
            : 'Create purchase orders'}
        </Button>
      </div>
    </Dialog>
  );
}
