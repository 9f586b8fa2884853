import type { ReactNode } from 'react';

/** Errors are announced immediately (role="alert"); tests and screen readers find them by role. */
export function ErrorBanner({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner banner--error" role="alert">
      {children}
    </div>
  );
}

/** Success and progress messages (role="status", announced politely). */
export function StatusMessage({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner banner--success" role="status">
      {children}
    </div>
  );
}

/** Warnings ("not on this order", "no answer from the server"): amber, announced politely. */
export function WarningMessage({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner banner--warning" role="status">
      {children}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
