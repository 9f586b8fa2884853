import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, WarningMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatRole } from '@/lib/format';
import {
  checkEmail,
  checkNewPassword,
  checkRequired,
  collectErrors,
  hasErrors,
  readForm,
  type FieldErrors,
} from '@/lib/forms';
import { useInvitation } from '../api/get-invitation';
import { useRegister } from '../api/register';
import { AuthLayout } from './auth-layout';

export function RegisterPage() {
  const register = useRegister();
  // An invitation's mail links here with its token: the page says which store it is for.
  const [params] = useSearchParams();
  const token = params.get('invitation');
  const invitation = useInvitation(token);
  const invited = invitation.data;
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = register.error ? toApiError(register.error) : undefined;
  const fieldError = (name: string) => errors[name] ?? apiError?.fieldErrors[name];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name = '', email = '', password = '', storeName = '' } = readForm(event);
    const found = collectErrors({
      name: checkRequired(name, 'your name'),
      email: checkEmail(email),
      password: checkNewPassword(password),
    });
    setErrors(found);
    if (hasErrors(found)) return;
    register.mutate({ name, email, password, ...(storeName ? { storeName } : {}) });
  }

  return (
    <AuthLayout
      title={invited ? `Join ${invited.storeName}` : 'Create your account'}
      subtitle={
        invited
          ? `You are invited as ${formatRole(invited.role).toLowerCase()}. Create your account with ${invited.email} to join.`
          : 'Set up your first store in under a minute.'
      }
      footer={
        <>
          Already have an account? <Link to="/login">Sign in</Link>
        </>
      }
    >
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      {token && invitation.isError && (
        <WarningMessage>
          This invitation link is no longer valid: it was withdrawn, has expired or was already
          used. Ask the store’s admin to invite you again, or create an account of your own.
        </WarningMessage>
      )}
      {token && invitation.isPending && <p className="muted">Reading your invitation…</p>}
      {/* Keyed by the invited address: the e-mail field starts with it once it has arrived. */}
      <form onSubmit={onSubmit} noValidate className="form" key={invited?.email ?? ''}>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          error={fieldError('name')}
          autoFocus
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={invited?.email}
          hint={
            invited
              ? 'The address the invitation was sent to: registering with it joins the store.'
              : undefined
          }
          error={fieldError('email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters, mixing letters with digits or symbols."
          error={fieldError('password')}
        />
        {!invited && (
          <TextField
            label="Store name (optional)"
            name="storeName"
            autoComplete="organization"
            hint="We will create this store with you as its admin."
            error={fieldError('storeName')}
          />
        )}
        <Button
          type="submit"
          busy={register.isPending}
          busyLabel="Creating account…"
          className="btn--block"
        >
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
