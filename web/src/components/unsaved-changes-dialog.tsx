import { useEffect, useId, useRef } from 'react';
import type { Blocker } from 'react-router-dom';
import { Button } from './button';

/**
 * Asks before a navigation that would lose unsaved changes (see useUnsavedChanges). A modal
 * <dialog>: focus moves into it and stays there, Escape means "stay".
 */
export function UnsavedChangesDialog({ blocker }: { blocker: Blocker }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const blocked = blocker.state === 'blocked';

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (blocked && !element.open) element.showModal();
    if (!blocked && element.open) element.close();
  }, [blocked]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        blocker.reset?.();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        Leave without saving?
      </h2>
      <p id={textId}>Your changes on this page have not been saved. If you leave, they are lost.</p>
      <div className="dialog__actions">
        <Button variant="secondary" autoFocus onClick={() => blocker.reset?.()}>
          Stay on this page
        </Button>
        <Button variant="danger" onClick={() => blocker.proceed?.()}>
          Leave without saving
        </Button>
      </div>
    </dialog>
  );
}
