import { ECDH } from 'node:crypto';
import { z } from 'zod';
import { strictObject, uuid } from '../../http/validate';

/** Push service URLs are a few hundred characters; this is room to spare, not a target. */
export const ENDPOINT_MAX = 2048;

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** base64url (padding optional) of exactly `bytes` bytes, decoded to a Buffer. */
const base64urlKey = (bytes: number, what: string) =>
  z
    .string({ message: `must be ${what} (base64url)` })
    .max(Math.ceil(bytes / 3) * 4, `must be ${what}: ${bytes} bytes, base64url`)
    .refine(
      (v) => BASE64URL.test(v) && Buffer.from(v, 'base64url').length === bytes,
      `must be ${what}: ${bytes} bytes, base64url`,
    )
    .transform((v) => Buffer.from(v, 'base64url'));

/** A point of P-256 a browser could have made: uncompressed (0x04, x, y) and on the curve. */
function onCurve(key: Buffer): boolean {
  if (key[0] !== 0x04) return false;
  try {
    ECDH.convertKey(key, 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

const endpoint = z
  .string({ message: 'must be the push service URL of the subscription' })
  .min(1, 'must be the push service URL of the subscription')
  .max(ENDPOINT_MAX, `must be at most ${ENDPOINT_MAX} characters`)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' && !u.username && !u.password && !u.hash && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an https: URL (no credentials, no fragment)');

/** What the browser's `PushSubscription.toJSON()` gives, and an optional name of the device. */
export const subscribeBody = z.object({
  endpoint,
  expirationTime: z
    .number({ message: 'must be a time in milliseconds since 1970, or null' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must not be negative')
    .max(8.64e15, 'must be a date')
    .nullable()
    .default(null),
  keys: strictObject({
    p256dh: base64urlKey(65, 'an uncompressed P-256 public key').refine(
      onCurve,
      'must be a point on P-256 (uncompressed, starting 0x04)',
    ),
    auth: base64urlKey(16, 'the 16-byte auth secret'),
  }),
  label: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional(),
});
export type SubscribeBody = z.infer<typeof subscribeBody>;

export const unsubscribeQuery = z.object({ endpoint });

export const subscriptionParams = z.object({ id: uuid });
