import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { ShownOnceSecret } from '@/components/shown-once-secret';
import { roleValues } from '@/lib/api/schema';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { formatRole } from '@/lib/format';
import { useCreateApiKey, type CreatedApiKey, type NewApiKey } from '../api/api-keys';

const ROLE_OPTIONS = roleValues.map((value) => ({ value, label: formatRole(value) }));

/** The end of a local calendar day (`YYYY-MM-DD`) as an instant, or null for no day. */
function endOfDay(day: string | undefined): string | null {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 23, 59, 59).toISOString();
}

/**
 * Creates a key, then shows its token once (ShownOnceSecret): the dialog must be answered
 * (Escape does not close it) while the token is on screen.
 */
export function CreateApiKeyDialog(props: { storeId: string; open: boolean; onClose: () => void }) {
  const { storeId, open, onClose } = props;
  const create = useCreateApiKey(storeId);
  const [created, setCreated] = useState<CreatedApiKey>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = create.error ? toApiError(create.error) : undefined;

  function close() {
    setCreated(undefined);
    setErrors({});
    create.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name = '', role = 'viewer', expiresOn } = readForm(event);
    const found = collectErrors({ name: checkRequired(name, 'a name') });
    setErrors(found);
    if (hasErrors(found)) return;
    const body: NewApiKey = {
      name,
      role: role as NewApiKey['role'],
      expiresAt: endOfDay(expiresOn),
    };
    create.mutate(body, { onSuccess: (key) => setCreated(key) });
  }

  return (
    <Dialog
      open={open}
      title={created ? 'Copy your new API key' : 'New API key'}
      onClose={close}
      dismissible={!created}
    >
      {created ? (
        <ShownOnceSecret
          label={`API key “${created.name}”`}
          value={created.token}
          copyLabel="Copy key"
          onDone={close}
          notice={`Copy this key now and keep it somewhere safe: it will not be shown again. Anyone with it can act in this store as ${formatRole(created.role).toLowerCase()}.`}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <ErrorBanner>{apiError?.message}</ErrorBanner>
          <TextField
            label="Name"
            name="name"
            maxLength={100}
            hint="What uses it, e.g. “Till 1” or “Web shop”."
            error={errors.name ?? apiError?.fieldErrors?.name}
            autoFocus
          />
          <SelectField
            label="Role"
            name="role"
            options={ROLE_OPTIONS}
            defaultValue="employee"
            error={apiError?.fieldErrors?.role}
          />
          <TextField
            label="Expires on (optional)"
            name="expiresOn"
            type="date"
            hint="Leave empty for a key that does not expire."
            error={apiError?.fieldErrors?.expiresAt}
          />
          <div className="form__actions">
            <Button type="submit" busy={create.isPending} busyLabel="Creating…">
              Create key
            </Button>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
