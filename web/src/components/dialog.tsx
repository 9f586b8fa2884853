import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** False for a dialog that must be answered: Escape does not close it. */
  dismissible?: boolean;
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it, Escape closes it,
 * and focus returns to what opened it. Its content mounts only while open, so a form inside
 * starts afresh each time.
 */
export function Dialog({
  open,
  title,
  description,
  onClose,
  children,
  dismissible = true,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // React passes a nested dialog's cancel and close up its tree: only this one's count.
        if (event.target !== event.currentTarget) return;
        if (!dismissible) event.preventDefault();
      }}
      onClose={(event) => {
        if (event.target !== event.currentTarget) return;
        // Chrome lets a second Escape close a dialog whose cancel was refused: open it again.
        if (!dismissible && open) ref.current?.showModal();
        else onClose();
      }}
    >
      {open && (
        <>
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          {description && (
            <p className="dialog__description" id={descriptionId}>
              {description}
            </p>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}
