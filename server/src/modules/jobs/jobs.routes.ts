import { Router } from 'express';
import { z } from 'zod';
import { ok } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import { uuid, validate } from '../../http/validate';
import type { JobsService } from './jobs.service';

/** Mounted at /api/v1/stores/:storeId/jobs. */
export function jobsRouter({ jobs, guards }: { jobs: JobsService; guards: Guards }) {
  const router = Router({ mergeParams: true });
  router.get(
    '/:id',
    guards.requireStorePermission('inventory:read'),
    validate({ params: z.object({ storeId: uuid, id: uuid }) }),
    async (req, res) => {
      res.json(ok(req, await jobs.get(req.store!, req.params.id as string)));
    },
  );
  return router;
}
