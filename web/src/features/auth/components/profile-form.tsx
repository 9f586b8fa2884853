import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useUpdateProfile } from '../api/update-profile';

/** The user's name and e-mail; a new e-mail asks for the current password. */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const update = useUpdateProfile();
  const [newEmail, setNewEmail] = useState(email);
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = update.error ? toApiError(update.error) : undefined;
  const fieldError = (field: string) => errors[field] ?? apiError?.fieldErrors[field];
  const emailChanged = newEmail.trim().toLowerCase() !== email.toLowerCase();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event);
    const found = collectErrors({
      name: checkRequired(form.name ?? '', 'your name'),
      email: checkRequired(form.email ?? '', 'your e-mail'),
      currentPassword: emailChanged
        ? checkRequired(form.currentPassword ?? '', 'your current password')
        : undefined,
    });
    setErrors(found);
    if (hasErrors(found)) return;
    update.mutate({
      name: form.name,
      ...(emailChanged ? { email: form.email, currentPassword: form.currentPassword } : {}),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {update.isSuccess && <StatusMessage>Profile saved.</StatusMessage>}
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        defaultValue={name}
        error={fieldError('name')}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        value={newEmail}
        onChange={(e) => setNewEmail(e.target.value)}
        error={fieldError('email')}
      />
      {emailChanged && (
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          hint="Needed to change the e-mail you sign in with."
          error={fieldError('currentPassword')}
        />
      )}
      <div className="form__actions">
        <Button type="submit" busy={update.isPending} busyLabel="Saving…">
          Save profile
        </Button>
      </div>
    </form>
  );
}
