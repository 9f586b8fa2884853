import { Router } from 'express';
import { routes, type RouteDeps } from '../../http/route';
import { idParams } from '../../http/validate';
import type { JobsService } from './jobs.service';

/** Routes under /api/v1/stores/:storeId. */
export function jobsRouter({ jobs, ...deps }: RouteDeps & { jobs: JobsService }) {
  const router = Router({ mergeParams: true });
  routes(router, deps).store(
    'get',
    '/jobs/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => jobs.get(ctx, params.id),
  );
  return router;
}
