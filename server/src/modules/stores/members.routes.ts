import { Router } from 'express';
import { ok } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { validate } from '../../http/validate';
import type { MembersService } from './members.service';
import * as s from './stores.schemas';

/** Mounted at /api/v1/stores/:storeId, behind requireAuth. */
export function membersRouter(deps: { members: MembersService; guards: Guards }) {
  const { members, guards } = deps;
  const admin = guards.requireStorePermission('settings:manage');
  const router = Router({ mergeParams: true });

  router.get('/members', admin, async (req, res) => {
    res.json(ok(req, await members.list(req.store!)));
  });
  router.post('/members', admin, validate({ body: s.addMemberBody }), async (req, res) => {
    res.status(201).json(ok(req, await members.add(req.store!, req.body)));
  });
  router.patch(
    '/members/:userId',
    admin,
    validate({ params: s.memberParams, body: s.updateMemberBody }),
    async (req, res) => {
      res.json(
        ok(req, await members.changeRole(req.store!, req.params.userId as string, req.body.role)),
      );
    },
  );
  // Any member may leave; removing someone else is checked in the service.
  router.delete(
    '/members/:userId',
    guards.requireStorePermission('inventory:read'),
    validate({ params: s.memberParams }),
    async (req, res) => {
      await members.remove(req.store!, req.params.userId as string);
      res.status(204).end();
    },
  );
  router.get('/invitations', admin, async (req, res) => {
    res.json(ok(req, await members.listInvitations(req.store!)));
  });
  router.delete(
    '/invitations/:invitationId',
    admin,
    validate({ params: s.invitationParams }),
    async (req, res) => {
      await members.revokeInvitation(req.store!, req.params.invitationId as string);
      res.status(204).end();
    },
  );
  return router;
}
