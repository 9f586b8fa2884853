import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';

const AUDIENCE = 'nimbus:invitation';
const DAYS = 30;

export interface InvitationClaim {
  invitationId: string;
  storeId: string;
  email: string;
}

/**
 * The token of an invitation's link: signed with a key of its own (derived from the server's
 * secret, so it can never pass as an access token), naming the invitation, its store and the
 * invited address, valid DAYS days. It says who was invited; the invitation row says whether
 * it still stands (a revoked one is gone).
 */
export function createInvitationTokens(secret: string) {
  const key = createHmac('sha256', secret).update(AUDIENCE).digest();
  return {
    sign: (c: InvitationClaim): string =>
      jwt.sign({ sid: c.storeId, email: c.email }, key, {
        subject: c.invitationId,
        audience: AUDIENCE,
        expiresIn: `${DAYS}d`,
        algorithm: 'HS256',
      }),

    /** The claim of a genuine, unexpired token; undefined for anything else. */
    verify(token: string): InvitationClaim | undefined {
      try {
        const p = jwt.verify(token, key, { audience: AUDIENCE, algorithms: ['HS256'] });
        if (typeof p === 'string' || typeof p.sub !== 'string') return undefined;
        if (typeof p.sid !== 'string' || typeof p.email !== 'string') return undefined;
        return { invitationId: p.sub, storeId: p.sid, email: p.email };
      } catch {
        return undefined;
      }
    },
  };
}

export type InvitationTokens = ReturnType<typeof createInvitationTokens>;
