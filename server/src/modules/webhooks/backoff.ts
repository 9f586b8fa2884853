/** The longest `Retry-After` honoured, whatever the backoff's cap. */
const RETRY_AFTER_MAX_MS = 24 * 3_600_000;

/**
 * The wait before retry `n` (1 for the first retry): "full jitter", a random wait up to
 * `min(maxMs, baseMs·2^(n-1))`, so receivers that failed together are not hit together again.
 */
export function backoffMs(n: number, baseMs: number, maxMs: number, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 40));
  return Math.round(random() * ceiling);
}

/** A `Retry-After` header (seconds, or an HTTP date) in milliseconds from `now`, if valid. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()) {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS);
}

/**
 * When to try a failed delivery again: the receiver's `Retry-After` when it sent one (the
 * receiver knows best; at most a day), else the jittered backoff.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: number | undefined,
  cfg: { retryBaseMs: number; retryMaxMs: number },
): number {
  return retryAfter ?? backoffMs(attempt, cfg.retryBaseMs, cfg.retryMaxMs);
}
