import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { rememberStore } from '@/lib/session';
import { useDeleteStore } from '../api/delete-store';

/** Deleting is irreversible, so the user confirms by typing the store's name. */
export function DeleteStoreCard({ storeId, storeName }: { storeId: string; storeName: string }) {
  const remove = useDeleteStore(storeId);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const apiError = remove.error ? toApiError(remove.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate(undefined, {
      onSuccess: () => {
        rememberStore(undefined);
        navigate('/', { replace: true });
      },
    });
  }

  return (
    <Card
      title="Delete store"
      tone="danger"
      description="Deletes the store with its products, stock history and memberships. This cannot be undone."
    >
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      {!confirming ? (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete store…
        </Button>
      ) : (
        <form onSubmit={onSubmit} className="form">
          <TextField
            label={`Type “${storeName}” to confirm`}
            name="confirmName"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            autoFocus
          />
          <div className="form__actions">
            <Button
              type="submit"
              variant="danger"
              disabled={typed.trim() !== storeName}
              busy={remove.isPending}
              busyLabel="Deleting…"
            >
              Permanently delete store
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
