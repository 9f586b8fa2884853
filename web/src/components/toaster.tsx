import { closeToast, pauseToast, resumeToast, takeToastAction, useToasts } from '@/lib/toasts';

/**
 * The toasts of the signed-in app, bottom left. Each is a status message (an error is an
 * alert); its clock stops while the pointer or the keyboard focus is on it, so there is time
 * to reach Undo.
 */
export function Toaster() {
  const toasts = useToasts();
  return (
    <div className="toasts" role="region" aria-label="Notifications">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={toast.tone === 'error' ? 'toast toast--error' : 'toast'}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          onMouseEnter={() => pauseToast(toast.id)}
          onMouseLeave={() => resumeToast(toast.id)}
          onFocus={() => pauseToast(toast.id)}
          onBlur={() => resumeToast(toast.id)}
        >
          <p className="toast__message">{toast.message}</p>
          {toast.action && (
            <button
              type="button"
              className="toast__action"
              onClick={() => takeToastAction(toast.id)}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="toast__close"
            aria-label="Dismiss notification"
            onClick={() => closeToast(toast.id, 'dismiss')}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
