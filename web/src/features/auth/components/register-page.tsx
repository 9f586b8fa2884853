import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import {
  checkEmail,
  checkNewPassword,
  checkRequired,
  collectErrors,
  hasErrors,
  readForm,
  type FieldErrors,
} from '@/lib/forms';
import { useRegister } from '../api/register';
import { AuthLayout } from './auth-layout';

export function RegisterPage() {
  const register = useRegister();
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
      title="Create your account"
      subtitle="Set up your first store in under a minute."
      footer={
        <>
          Already have an account? <Link to="/login">Sign in</Link>
        </>
      }
    >
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
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
        <TextField
          label="Store name (optional)"
          name="storeName"
          autoComplete="organization"
          hint="We will create this store with you as its admin."
          error={fieldError('storeName')}
        />
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
