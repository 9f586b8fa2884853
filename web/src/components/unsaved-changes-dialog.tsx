import type { Blocker } from 'react-router-dom';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * Asks before a navigation that would lose unsaved changes (see useUnsavedChanges). Escape,
 * like "Stay on this page", cancels the navigation.
 */
export function UnsavedChangesDialog({ blocker }: { blocker: Blocker }) {
  return (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      description="Your changes on this page have not been saved. If you leave, they are lost."
    >
      <div className="form__actions">
        <Button variant="secondary" onClick={() => blocker.reset?.()}>
          Stay on this page
        </Button>
        <Button variant="danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </Button>
      </div>
    </Dialog>
  );
}
