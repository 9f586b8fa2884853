/**
 * The server's clock as this device last saw it. A till stamps each sale when it is rung up
 * (`soldAt`), and the server refuses a time more than a few minutes ahead of its own: a till
 * whose clock runs fast must not lose its sales. Every answer carries the server's time
 * (`meta.timestamp`); the difference is kept and applied, also offline, where it stays as it
 * was when the connection went.
 */
let offsetMs = 0;

/** Called with each answer's `meta.timestamp`. */
export function noteServerTime(timestamp: unknown): void {
  if (typeof timestamp !== 'string') return;
  const server = Date.parse(timestamp);
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

/** Now, by the server's clock. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}
