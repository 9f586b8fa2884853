import { useState } from 'react';
import { Button } from './button';

interface ConfirmActionProps {
  /** The verb on the first button, e.g. "Delete". */
  action: string;
  /** What it acts on, read by screen readers: "Delete Dairy". */
  subject: string;
  busy?: boolean;
  onConfirm: () => void;
}

/** A destructive action that asks once more inline before it runs. */
export function ConfirmAction({ action, subject, busy = false, onConfirm }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="ghost" className="btn--danger-text" onClick={() => setConfirming(true)}>
        {action}
        <span className="visually-hidden"> {subject}</span>
      </Button>
    );
  }
  return (
    <span className="confirm-action">
      <Button variant="danger" busy={busy} onClick={onConfirm} autoFocus>
        Confirm {action.toLowerCase()}
        <span className="visually-hidden"> of {subject}</span>
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
