import type { RequestHandler } from 'express';
import {
  can,
  PERMISSION_ACTIONS,
  withArticle,
  ROLE_PERMISSIONS,
  type Permission,
  type Role,
} from '../core/access';
import type { Principal } from '../core/context';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../core/errors';
import { uuid } from './validate';

export interface Guards {
  /** A signed-in person (an access token); an API key is refused with 403. */
  requireAuth: RequestHandler;
  /** A signed-in person or an API key: the store routes (each checks the store next). */
  requireAuthOrKey: RequestHandler;
  /** "Member of this store with permission X": the one guard every store route uses. */
  requireStorePermission(permission: Permission): RequestHandler;
  /** After the store check: refuses an API key (routes that manage who may act). */
  peopleOnly: RequestHandler;
}

/** The `details` code of a 403 for an API key on a route that is for people only. */
export const KEY_NOT_ALLOWED = 'api_key_not_allowed';

const keyRefused = (message: string) =>
  new ForbiddenError(message, [{ field: 'authorization', message, code: KEY_NOT_ALLOWED }]);

/**
 * The HTTP side of access control. Who a token belongs to and which role a user has in a
 * store are the auth and stores modules' answers, handed in by the composition root; an API
 * key (`nmb_…`) is the api-keys module's.
 */
export function createGuards(deps: {
  /** The principal of a valid access token of a live session; throws UnauthorizedError. */
  authenticate(accessToken: string): Promise<Principal>;
  /** API keys (`nmb_…`): whether a token is one, and its principal when it is live. */
  keys?: {
    isKeyToken(token: string): boolean;
    authenticate(token: string): Promise<Principal>;
  };
  findRole(storeId: string, userId: string): Promise<Role | undefined>;
  /** Throws UnauthorizedError when the user's account is gone. */
  assertUser(userId: string): Promise<void>;
}): Guards {
  function bearer(header: string | undefined): string {
    const [scheme, token] = (header ?? '').split(' ');
    if (!token || scheme?.toLowerCase() !== 'bearer') {
      throw new UnauthorizedError('Send an access token as "Authorization: Bearer <token>"');
    }
    return token;
  }

  const requireAuth: RequestHandler = async (req, _res, next) => {
    const token = bearer(req.get('authorization'));
    if (deps.keys?.isKeyToken(token)) {
      // Checked first, so a revoked key still hears 401, not a hint about this route.
      await deps.keys.authenticate(token);
      throw keyRefused(
        "An API key works only on its store's routes (/api/v1/stores/{storeId}/…), not on accounts, sessions or the list of stores",
      );
    }
    req.principal = await deps.authenticate(token);
    next();
  };

  const requireAuthOrKey: RequestHandler = async (req, _res, next) => {
    const token = bearer(req.get('authorization'));
    req.principal = deps.keys?.isKeyToken(token)
      ? await deps.keys.authenticate(token)
      : await deps.authenticate(token);
    next();
  };

  function requireStorePermission(permission: Permission): RequestHandler {
    return async (req, _res, next) => {
      const userId = req.principal?.userId;
      if (!userId) throw new UnauthorizedError();
      const parsed = uuid.safeParse(req.params.storeId);
      if (!parsed.success) {
        throw new ValidationError([
          { field: 'storeId', message: 'must be a valid id', code: 'invalid_format' },
        ]);
      }
      const key = req.principal?.apiKey;
      let role: Role | undefined;
      if (key) {
        if (key.storeId !== parsed.data) {
          throw new ForbiddenError('This API key belongs to another store');
        }
        role = key.role;
      } else {
        role = await deps.findRole(parsed.data, userId);
      }
      if (!role) {
        // A deleted account has lost its memberships too: that is a 401, not a 403.
        await deps.assertUser(userId);
        throw new ForbiddenError('You are not a member of this store');
      }
      if (!can(role, permission)) {
        const who = key ? `An API key with the role ${role}` : `As ${withArticle(role)} you`;
        throw new ForbiddenError(
          `${who} cannot ${PERMISSION_ACTIONS[permission]} in this store (needs ${permission})`,
        );
      }
      req.store = {
        userId,
        storeId: parsed.data,
        role,
        permissions: ROLE_PERMISSIONS[role],
        requestId: req.id,
        ...(key ? { apiKey: { id: key.id, name: key.name } } : {}),
      };
      next();
    };
  }

  const peopleOnly: RequestHandler = (req, _res, next) => {
    if (req.principal?.apiKey) {
      throw keyRefused(
        'An API key cannot manage API keys, members or invitations, or delete the store: sign in as an admin',
      );
    }
    next();
  };

  return { requireAuth, requireAuthOrKey, requireStorePermission, peopleOnly };
}
