import { createHash, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UnauthorizedError } from '../../core/errors';
import { uuid } from '../../http/validate';

export const REFRESH_TOKEN_TTL_DAYS = 30;
export const RESET_TOKEN_TTL_MINUTES = 30;

const ISSUER = 'nimbus';
const AUDIENCE = 'nimbus-api';

export interface AccessTokens {
  /** `sessionId`: the refresh-token family the token belongs to (see sessions.ts). */
  sign(userId: string, sessionId: string): { token: string; expiresIn: number };
  /** `expiresAt`: when the token stops being accepted (epoch ms). */
  verify(token: string): { userId: string; sessionId: string; expiresAt: number };
}

/** How many verified access tokens are remembered (oldest first out): one per live session. */
const VERIFIED_MAX = 10_000;

export function createAccessTokens(secret: string, ttlSeconds: number): AccessTokens {
  const verified = new Map<string, { userId: string; sessionId: string; expiresAt: number }>();
  // A KeyObject made once: given a string, jsonwebtoken builds a key on every call (~0.7 ms).
  const key = createSecretKey(Buffer.from(secret));
  return {
    sign(userId, sessionId) {
      const token = jwt.sign({ typ: 'access', sid: sessionId }, key, {
        algorithm: 'HS256',
        subject: userId,
        expiresIn: ttlSeconds,
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return { token, expiresIn: ttlSeconds };
    },
    verify(token) {
      // A token verified before answers from memory until it expires: the signature and claims
      // of one token string never change, and verifying them (~0.1 ms of CPU) was a tenth of a
      // cached product read. Sessions are still checked on every request (sessions.ts).
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt > Date.now()) return known;
        verified.delete(token);
      }
      const claims = verifyClaims(token);
      if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
      verified.set(token, claims);
      return claims;
    },
  };

  function verifyClaims(token: string) {
    try {
      // Pinning the algorithm refuses `alg: none` and key-confusion tokens.
      const payload = jwt.verify(token, key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (
        typeof payload === 'string' ||
        payload.typ !== 'access' ||
        // Both name rows (a user, a refresh-token family): anything but an id is not ours,
        // however well it is signed, and must never reach a query as one.
        !uuid.safeParse(payload.sub).success ||
        !uuid.safeParse(payload.sid).success
      ) {
        throw new Error('not an access token');
      }
      return {
        userId: payload.sub!,
        sessionId: payload.sid as string,
        expiresAt: (payload.exp ?? 0) * 1000,
      };
    } catch (err) {
      const expired = err instanceof jwt.TokenExpiredError;
      throw new UnauthorizedError(expired ? 'Access token expired' : 'Invalid access token');
    }
  }
}

/** An opaque random secret; only its SHA-256 is stored. */
export function newOpaqueToken(prefix: string): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type RefreshSuccessor = (parent: string) => { token: string; hash: string };

/**
 * The refresh token that rotation issues for `parent`: an HMAC of the parent under the
 * server's secret. Derived rather than random so that the parent, presented again within the
 * grace window (a second tab refreshing at the same moment), can be answered with the same
 * successor without the server ever storing a usable token. The family's first token is
 * random, so every chain is unguessable without the secret.
 */
export function refreshSuccessor(secret: string): RefreshSuccessor {
  const key = createSecretKey(Buffer.from(secret));
  return (parent) => {
    const token =
      'nmr_' + createHmac('sha256', key).update(`refresh-successor:${parent}`).digest('base64url');
    return { token, hash: hashToken(token) };
  };
}
