import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key's token: `nmb_<lookup>_<secret>`. `lookup` (16 hex digits, 64 random bits) is
 * public: it finds the row and is shown in lists as the key's prefix (`nmb_<lookup>`).
 * `secret` is 256 random bits in base64url (43 characters). Only the SHA-256 of the whole
 * token is stored. A fast hash is right here, unlike for passwords: bcrypt slows down guessing
 * a low-entropy secret, but 256 random bits cannot be guessed at any speed, and a slow hash on
 * every API request would only cost the server a core.
 */
export const KEY_PREFIX = 'nmb_';
const FORMAT = /^nmb_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export function newKeyToken(): { token: string; lookup: string; hash: Buffer } {
  const lookup = randomBytes(8).toString('hex');
  const token = `${KEY_PREFIX}${lookup}_${randomBytes(32).toString('base64url')}`;
  return { token, lookup, hash: hashOf(token) };
}

/** The lookup part of a well-formed token; undefined for anything else. */
export function lookupOf(token: string): string | undefined {
  return FORMAT.exec(token)?.[1];
}

export const isKeyToken = (token: string) => token.startsWith(KEY_PREFIX);

export const prefixOf = (lookup: string) => `${KEY_PREFIX}${lookup}`;

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/** Whether the token is the one whose hash is stored, in time independent of where they differ. */
export function matches(token: string, storedHash: Buffer): boolean {
  const hash = hashOf(token);
  return storedHash.length === hash.length && timingSafeEqual(hash, storedHash);
}
