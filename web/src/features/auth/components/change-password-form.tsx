import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import {
  checkNewPassword,
  checkRequired,
  collectErrors,
  hasErrors,
  readForm,
  type FieldErrors,
} from '@/lib/forms';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = change.error ? toApiError(change.error) : undefined;
  const fieldError = (name: string) => errors[name] ?? apiError?.fieldErrors[name];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { currentPassword = '', newPassword = '', confirmPassword = '' } = readForm(event);
    const found = collectErrors({
      currentPassword: checkRequired(currentPassword, 'your current password'),
      newPassword:
        checkNewPassword(newPassword) ??
        (newPassword === currentPassword
          ? 'Choose a password different from the current one.'
          : undefined),
      confirmPassword: newPassword === confirmPassword ? undefined : 'The passwords do not match.',
    });
    setErrors(found);
    if (hasErrors(found)) return;
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {change.isSuccess && (
        <StatusMessage>Password changed. Your other sessions have been signed out.</StatusMessage>
      )}
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fieldError('currentPassword')}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters, mixing letters with digits or symbols."
        error={fieldError('newPassword')}
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={fieldError('confirmPassword')}
      />
      <div className="form__actions">
        <Button type="submit" busy={change.isPending} busyLabel="Changing…">
          Change password
        </Button>
      </div>
    </form>
  );
}
