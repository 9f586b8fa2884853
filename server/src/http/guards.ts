import type { RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError, ValidationError } from './errors';
import { uuid } from './validate';
import type { Sessions } from '../modules/auth/sessions';
import type { AccessTokens } from '../modules/auth/tokens';
import {
  can,
  PERMISSION_ACTIONS,
  ROLE_PERMISSIONS,
  type Permission,
  type Role,
} from '../modules/stores/permissions';

export interface Guards {
  requireAuth: RequestHandler;
  /** "Member of this store with permission X": the one guard every store route uses. */
  requireStorePermission(permission: Permission): RequestHandler;
}

export function createGuards(deps: {
  tokens: AccessTokens;
  sessions: Sessions;
  findRole(storeId: string, userId: string): Promise<Role | undefined>;
}): Guards {
  const requireAuth: RequestHandler = async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (!token || scheme?.toLowerCase() !== 'bearer') {
      throw new UnauthorizedError('Send an access token as "Authorization: Bearer <token>"');
    }
    const { userId, sessionId } = deps.tokens.verify(token);
    const state = await deps.sessions.check(userId, sessionId);
    if (state === 'no-user') throw new UnauthorizedError('This account no longer exists');
    if (state === 'ended') {
      throw new UnauthorizedError(
        'This session has ended (signed out, or the password changed): sign in again',
      );
    }
    req.principal = { userId };
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
      if (!role) throw new ForbiddenError('You are not a member of this store');
      if (!can(role, permission)) {
        throw new ForbiddenError(
          `As ${role === 'admin' ? 'an' : 'a'} ${role} you cannot ${PERMISSION_ACTIONS[permission]} in this store (needs ${permission})`,
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
