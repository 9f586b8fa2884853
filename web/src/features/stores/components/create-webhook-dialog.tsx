import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { CheckboxField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { eventTypeValues } from '@/lib/api/schema';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useCreateWebhook, type CreatedWebhook, type NewWebhook } from '../api/webhooks';
import { WebhookSecret } from './webhook-secret';

/**
 * Registers an endpoint (URL, description, the events it gets), then shows its signing secret
 * once: the dialog must be answered (Escape does not close it) while the secret is on screen.
 */
export function CreateWebhookDialog(props: {
  storeId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { storeId, open, onClose } = props;
  const create = useCreateWebhook(storeId);
  const [created, setCreated] = useState<CreatedWebhook>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [everything, setEverything] = useState(true);
  const apiError = create.error ? toApiError(create.error) : undefined;

  function close() {
    setCreated(undefined);
    setErrors({});
    setEverything(true);
    create.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { url = '', description } = readForm(event);
    const chosen = new FormData(event.currentTarget).getAll('events').map(String);
    const found = collectErrors({
      url: checkRequired(url, 'the receiver’s URL'),
      events: !everything && chosen.length === 0 ? 'Choose at least one event' : undefined,
    });
    setErrors(found);
    if (hasErrors(found)) return;
    const body: NewWebhook = {
      url,
      ...(description ? { description } : {}),
      events: everything ? ['*'] : (chosen as NewWebhook['events']),
    };
    create.mutate(body, { onSuccess: (hook) => setCreated(hook) });
  }

  return (
    <Dialog
      open={open}
      title={created ? 'Copy the signing secret' : 'New webhook'}
      onClose={close}
      dismissible={!created}
    >
      {created ? (
        <WebhookSecret secret={created.secret} onDone={close} />
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <ErrorBanner>{apiError?.message}</ErrorBanner>
          <TextField
            label="URL"
            name="url"
            type="url"
            maxLength={2000}
            hint="Where Nimbus POSTs each event, e.g. https://shop.example.com/nimbus."
            error={errors.url ?? apiError?.fieldErrors?.url}
            autoFocus
          />
          <TextField
            label="Description (optional)"
            name="description"
            maxLength={200}
            error={apiError?.fieldErrors?.description}
          />
          <fieldset className="form__fieldset">
            <legend>Events</legend>
            <CheckboxField
              label="All events"
              name="all"
              checked={everything}
              onChange={(e) => setEverything(e.currentTarget.checked)}
            />
            {!everything &&
              eventTypeValues.map((type) => (
                <CheckboxField key={type} label={type} name="events" value={type} />
              ))}
            {(errors.events ?? apiError?.fieldErrors?.events) && (
              <p className="field__error" role="alert">
                {errors.events ?? apiError?.fieldErrors?.events}
              </p>
            )}
          </fieldset>
          <div className="form__actions">
            <Button type="submit" busy={create.isPending} busyLabel="Creating…">
              Create webhook
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
