import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import type { JobsService } from './jobs.service';

/** Routes under /api/v1/stores/:storeId. */
export function jobsRoutes(r: Routes, { jobs }: { jobs: JobsService }) {
  r.store(
    'get',
    '/jobs/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => jobs.get(ctx, params.id),
  );
}
