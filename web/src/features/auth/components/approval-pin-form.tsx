import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useApprovalPin, useRemoveApprovalPin, useSetApprovalPin } from '../api/approval-pin';

/**
 * The PIN a manager or admin types on an employee's till to approve a void, refund or
 * discount. Stored hashed; five wrong tries lock it for 15 minutes.
 */
export function ApprovalPinForm() {
  const status = useApprovalPin();
  const setting = useSetApprovalPin();
  const removing = useRemoveApprovalPin();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = setting.error ? toApiError(setting.error) : undefined;
  const fieldError = (name: string) => errors[name] ?? apiError?.fieldErrors[name];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { pin = '', currentPassword = '' } = readForm(event);
    const found = collectErrors({
      pin: /^\d{4,8}$/.test(pin) ? undefined : 'Enter 4 to 8 digits.',
      currentPassword: checkRequired(currentPassword, 'your current password'),
    });
    setErrors(found);
    if (hasErrors(found)) return;
    removing.reset();
    setting.mutate({ pin, currentPassword }, { onSuccess: () => form.reset() });
  }

  const current = status.data;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {setting.isSuccess && <StatusMessage>Approval PIN saved.</StatusMessage>}
      {removing.isSuccess && <StatusMessage>Approval PIN removed.</StatusMessage>}
      <ErrorBanner>
        {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
      </ErrorBanner>
      <p className="muted small">
        {current?.set
          ? `You have a PIN (set ${formatDateTime(current.updatedAt)}).`
          : 'You have no PIN: you approve by signing in with your password.'}
      </p>
      <TextField
        label="New PIN"
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        hint="4 to 8 digits. It approves only in stores where you are a manager or admin."
        error={fieldError('pin')}
      />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fieldError('currentPassword')}
      />
      <div className="form__actions">
        {current?.set && (
          <Button
            variant="ghost"
            busy={removing.isPending}
            busyLabel="Removing…"
            onClick={() => {
              setting.reset();
              removing.mutate();
            }}
          >
            Remove PIN
          </Button>
        )}
        <Button type="submit" busy={setting.isPending} busyLabel="Saving…">
          Save PIN
        </Button>
      </div>
    </form>
  );
}
