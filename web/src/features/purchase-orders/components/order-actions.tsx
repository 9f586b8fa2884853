import { Button } from '@/components/button';
import { ConfirmAction } from '@/components/confirm-action';
import type { PurchaseOrder, StatusInput } from '../api/types';

/** The next steps of each status, as buttons (the server has the last word). */
const FORWARD: Partial<
  Record<PurchaseOrder['status'], { to: StatusInput['status']; label: string }>
> = {
  pending: { to: 'processing', label: 'Mark as sent to supplier' },
  processing: { to: 'shipped', label: 'Mark as shipped' },
};

interface Props {
  order: PurchaseOrder;
  canManage: boolean;
  canReceive: boolean;
  busy: boolean;
  onMove: (to: StatusInput['status']) => void;
  onReceive: () => void;
  onSend: () => void;
  onCancel: () => void;
  onDelete: () => void;
}

export function OrderActions(props: Props) {
  const { order, canManage, canReceive, busy } = props;
  const forward = FORWARD[order.status];
  const receivable = order.status === 'processing' || order.status === 'shipped';
  const cancellable = receivable || order.status === 'pending';
  const sendable = cancellable;
  return (
    <>
      {canReceive && receivable && <Button onClick={props.onReceive}>Receive delivery…</Button>}
      {canManage && sendable && (
        <Button variant={order.sentAt ? 'secondary' : 'primary'} onClick={props.onSend}>
          {order.sentAt ? 'E-mail again…' : 'E-mail to supplier…'}
        </Button>
      )}
      {canManage && forward && (
        <Button variant="secondary" busy={busy} onClick={() => props.onMove(forward.to)}>
          {forward.label}
        </Button>
      )}
      {canManage && cancellable && (
        <Button variant="danger" onClick={props.onCancel}>
          Cancel order…
        </Button>
      )}
      {canManage && order.status === 'pending' && (
        <ConfirmAction action="Delete" subject={order.orderNumber} onConfirm={props.onDelete} />
      )}
    </>
  );
}
