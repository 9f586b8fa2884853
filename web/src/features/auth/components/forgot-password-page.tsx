import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { checkEmail, readForm } from '@/lib/forms';
import { useForgotPassword } from '../api/forgot-password';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordPage() {
  const forgot = useForgotPassword();
  const [emailError, setEmailError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const apiError = forgot.error ? toApiError(forgot.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email = '' } = readForm(event);
    const problem = checkEmail(email);
    setEmailError(problem);
    if (problem) return;
    forgot.mutate({ email }, { onSuccess: () => setSentTo(email) });
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the e-mail you signed up with and we will send you a reset link."
      footer={<Link to="/login">Back to sign in</Link>}
    >
      {sentTo && (
        <StatusMessage>
          If an account exists for {sentTo}, a reset link is on its way. It is valid for 30 minutes.
        </StatusMessage>
      )}
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          error={emailError ?? apiError?.fieldErrors.email}
          autoFocus
        />
        <Button type="submit" busy={forgot.isPending} busyLabel="Sending…" className="btn--block">
          Send reset link
        </Button>
      </form>
    </AuthLayout>
  );
}
