import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import {
  checkNewPassword,
  collectErrors,
  hasErrors,
  readForm,
  type FieldErrors,
} from '@/lib/forms';
import { useResetPassword } from '../api/reset-password';
import { AuthLayout } from './auth-layout';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = reset.error ? toApiError(reset.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { newPassword = '', confirmPassword = '' } = readForm(event);
    const found = collectErrors({
      newPassword: checkNewPassword(newPassword),
      confirmPassword: newPassword === confirmPassword ? undefined : 'The passwords do not match.',
    });
    setErrors(found);
    if (!hasErrors(found)) reset.mutate({ token, newPassword });
  }

  if (!token) {
    return (
      <AuthLayout title="Reset your password" footer={<Link to="/login">Back to sign in</Link>}>
        <ErrorBanner>
          This reset link is incomplete. <Link to="/forgot-password">Request a new link</Link>.
        </ErrorBanner>
      </AuthLayout>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed">
        <StatusMessage>Your password has been changed. You can sign in with it now.</StatusMessage>
        <Link to="/login" className="btn btn--primary btn--block">
          Go to sign in
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/login">Back to sign in</Link>}>
      {apiError && (
        <ErrorBanner>
          {apiError.message}
          {apiError.status === 400 && !apiError.fieldErrors.newPassword && (
            <>
              {' — '}
              <Link to="/forgot-password">request a new link</Link>
            </>
          )}
        </ErrorBanner>
      )}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters, mixing letters with digits or symbols."
          error={errors.newPassword ?? apiError?.fieldErrors.newPassword}
          autoFocus
        />
        <TextField
          label="Confirm new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword}
        />
        <Button type="submit" busy={reset.isPending} busyLabel="Saving…" className="btn--block">
          Set new password
        </Button>
      </form>
    </AuthLayout>
  );
}
