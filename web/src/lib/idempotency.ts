import { useRef } from 'react';
import { isAxiosError } from 'axios';

/** A fresh Idempotency-Key (a UUID v4). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; plain-HTTP LAN installs still have getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Only when the outcome is unknown may the same submission be sent again under its key:
// no answer at all, a 5xx (the server frees the key) or "still being processed".
export function outcomeUnknown(error: unknown): boolean {
  if (!isAxiosError(error)) return false;
  const res = error.response;
  if (!res) return true;
  const code = (res.data as { error?: { code?: string } } | undefined)?.error?.code;
  return res.status >= 500 || code === 'CONFLICT';
}

/**
 * One Idempotency-Key per submission attempt: retrying the same body after a failure whose
 * outcome is unknown reuses the key (the server answers the first result instead of selling
 * twice); a changed body, a success or a definite refusal starts a new attempt.
 */
export function useIdempotencyKey() {
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);

  return {
    keyFor(fingerprint: unknown): string {
      const print = JSON.stringify(fingerprint);
      if (attempt.current?.fingerprint !== print) {
        attempt.current = { key: newIdempotencyKey(), fingerprint: print };
      }
      return attempt.current.key;
    },
    settle(error?: unknown): void {
      if (!error || !outcomeUnknown(error)) attempt.current = null;
    },
  };
}
