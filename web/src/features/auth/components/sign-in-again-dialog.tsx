import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useSession } from '@/lib/session';
import { useLogin } from '../api/login';
import { useSignOut } from '../api/logout';

/**
 * Over whatever page was open when the server ended the session: the same user signs in again
 * and the page carries on (the save that was interrupted is sent then). Nothing navigates, so
 * forms and the till's sale stay as they were. Signing out instead ends it everywhere.
 */
export function SignInAgainDialog() {
  const session = useSession();
  const expired = session.status === 'authenticated' && session.expired === true;
  return (
    <Dialog
      open={expired}
      dismissible={false}
      onClose={() => undefined}
      title="Sign in again to carry on"
      description="Your session has ended. Nothing on this page is lost: sign in again and what you were doing carries on where it stopped."
    >
      {session.status === 'authenticated' && <SignInAgainForm email={session.user.email} />}
    </Dialog>
  );
}

function SignInAgainForm({ email }: { email: string }) {
  const login = useLogin();
  const signOut = useSignOut();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = login.error ? toApiError(login.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { password = '' } = readForm(event);
    const found = collectErrors({ password: checkRequired(password, 'your password') });
    setErrors(found);
    if (!hasErrors(found)) login.mutate({ email, password });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <TextField label="Email" name="email" type="email" value={email} readOnly />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password ?? apiError?.fieldErrors.password}
        autoFocus
      />
      <div className="form__actions">
        <Button type="submit" busy={login.isPending} busyLabel="Signing in…">
          Sign in
        </Button>
        <Button variant="ghost" busy={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      </div>
    </form>
  );
}
