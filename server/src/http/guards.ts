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
  requireAuth: RequestHandler;
  /** "Member of this store with permission X": the one guard every store route uses. */
  requireStorePermission(permission: Permission): RequestHandler;
}

/**
 * The HTTP side of access control. Who a token belongs to and which role a user has in a
 * store are the auth and stores modules' answers, handed in by the composition root.
 */
export function createGuards(deps: {
  /** The principal of a valid access token of a live session; throws UnauthorizedError. */
  authenticate(accessToken: string): Promise<Principal>;
  findRole(storeId: string, userId: string): Promise<Role | undefined>;
  /** Throws UnauthorizedError when the user's account is gone. */
  assertUser(userId: string): Promise<void>;
}): Guards {
  const requireAuth: RequestHandler = async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (!token || scheme?.toLowerCase() !== 'bearer') {
      throw new UnauthorizedError('Send an access token as "Authorization: Bearer <token>"');
    }
    req.principal = await deps.authenticate(token);
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
      const role = await deps.findRole(parsed.data, userId);
      if (!role) {
        // A deleted account has lost its memberships too: that is a 401, not a 403.
        await deps.assertUser(userId);
        throw new ForbiddenError('You are not a member of this store');
      }
      if (!can(role, permission)) {
        throw new ForbiddenError(
          `As ${withArticle(role)} you cannot ${PERMISSION_ACTIONS[permission]} in this store (needs ${permission})`,
        );
      }
      req.store = {
        userId,
        storeId: parsed.data,
        role,
        permissions: ROLE_PERMISSIONS[role],
        requestId: req.id,
      };
      next();
    };
  }

  return { requireAuth, requireStorePermission };
}
