import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useMoney } from '@/lib/store-access';
import { useCreateApproval, type ApprovalAction } from '../api/create-approval';

interface ApprovalDialogProps {
  storeId: string;
  action: ApprovalAction;
  /** The sale a void or refund is for (none for a discount). */
  saleId?: string;
  /** A discount's: what the sale takes off, the most the approval lets it take off. */
  amount?: number;
  open: boolean;
  onClose: () => void;
  /** The one-time token to send with the action. */
  onApproved: (token: string) => void;
}

const WHAT: Record<ApprovalAction, string> = {
  void: 'this void',
  refund: 'this refund',
  discount: 'this discount or price',
};

/**
 * A manager or admin approves an employee's void, refund or discount on the same till: their
 * e-mail and their approval PIN (set in their profile) or their password. The API gives a
 * token used once by the action.
 */
export function ApprovalDialog({
  storeId,
  action,
  saleId,
  amount,
  open,
  onClose,
  onApproved,
}: ApprovalDialogProps) {
  const approving = useCreateApproval(storeId);
  const money = useMoney();
  const discount = action === 'discount' ? (amount ?? 0) : undefined;
  const [using, setUsing] = useState<'pin' | 'password'>('pin');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const apiError = approving.error ? toApiError(approving.error) : undefined;
  const fieldErrors = { ...apiError?.fieldErrors, ...missing };

  function close() {
    approving.reset();
    setMissing({});
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const secret = String(data.get(using) ?? '');
    const found: Record<string, string> = {};
    if (!email) found.email = 'Enter the manager’s e-mail.';
    if (!secret) found[using] = using === 'pin' ? 'Enter the PIN.' : 'Enter the password.';
    setMissing(found);
    if (Object.keys(found).length) return;
    approving.mutate(
      {
        action,
        ...(saleId ? { saleId } : {}),
        ...(discount === undefined ? {} : { amount: discount }),
        email,
        [using]: secret,
      },
      {
        onSuccess: (approval) => {
          approving.reset();
          onApproved(approval.token);
        },
      },
    );
  }

  const banner =
    apiError && !apiError.fieldErrors.pin && !apiError.fieldErrors.password
      ? apiError.message
      : undefined;
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Manager approval"
      description={`A manager or admin of this store approves ${WHAT[action]}${discount === undefined ? '' : ` (${money(discount)} off the list prices, no more)`} here, with their PIN or by signing in.`}
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorBanner>{banner}</ErrorBanner>
        <TextField
          label="Manager’s e-mail"
          name="email"
          type="email"
          autoComplete="off"
          required
          autoFocus
          error={fieldErrors.email}
        />
        <SelectField
          label="Approve with"
          name="using"
          value={using}
          onChange={(e) => {
            approving.reset();
            setUsing(e.target.value === 'password' ? 'password' : 'pin');
          }}
          options={[
            { value: 'pin', label: 'Approval PIN' },
            { value: 'password', label: 'Password (sign in)' },
          ]}
        />
        {using === 'pin' ? (
          <TextField
            key="pin"
            label="PIN"
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            required
            error={fieldErrors.pin}
          />
        ) : (
          <TextField
            key="password"
            label="Password"
            name="password"
            type="password"
            autoComplete="off"
            required
            error={fieldErrors.password}
          />
        )}
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={approving.isPending} busyLabel="Checking…">
            Approve
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
