import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How old a signed timestamp a receiver should accept (the README's verification uses it). */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** A new signing secret: `whsec_` and 256 random bits; the whole string is the HMAC key. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

const hmac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/**
 * `Nimbus-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, with one
 * `v1` per secret in force (two while a rotated-out secret's overlap lasts).
 */
export function signatureHeader(secrets: readonly string[], body: string, t: number): string {
  return [`t=${t}`, ...secrets.map((s) => `v1=${hmac(s, t, body)}`)].join(',');
}

/**
 * A receiver's check (the README shows the same in a few lines): a `v1` made with `secret`
 * over this body and timestamp, the timestamp within the replay window of `now`.
 */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  now = Date.now(),
  toleranceSeconds = REPLAY_WINDOW_SECONDS,
): boolean {
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return parts
    .filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, 'hex'), expected));
}
