import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import {
  checkEmail,
  checkRequired,
  collectErrors,
  hasErrors,
  readForm,
  type FieldErrors,
} from '@/lib/forms';
import { useSession } from '@/lib/session';
import { useLogin } from '../api/login';
import { AuthLayout } from './auth-layout';

const reasonMessages = {
  expired: 'Your session has expired. Please sign in again.',
  'signed-out': 'You have signed out.',
} as const;

// Where to go after signing in is the guest guard's job: it redirects once the session exists.
export function LoginPage() {
  const login = useLogin();
  const session = useSession();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = login.error ? toApiError(login.error) : undefined;
  const reason = session.status === 'anonymous' ? session.reason : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email = '', password = '' } = readForm(event);
    const found = collectErrors({
      email: checkEmail(email),
      password: checkRequired(password, 'your password'),
    });
    setErrors(found);
    if (!hasErrors(found)) login.mutate({ email, password });
  }

  return (
    <AuthLayout
      title="Sign in to Nimbus"
      subtitle="Inventory for stores that would rather be selling."
      footer={
        <>
          New to Nimbus? <Link to="/register">Create an account</Link>
        </>
      }
    >
      {reason && !apiError && <StatusMessage>{reasonMessages[reason]}</StatusMessage>}
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          error={errors.email ?? apiError?.fieldErrors.email}
          autoFocus
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          error={errors.password ?? apiError?.fieldErrors.password}
        />
        <div className="form__row form__row--between">
          <Link to="/forgot-password">Forgot your password?</Link>
        </div>
        <Button type="submit" busy={login.isPending} busyLabel="Signing in…" className="btn--block">
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
