import type { Routes } from '../../http/route';
import type { SchedulesService } from './schedules.service';
import * as s from './schedules.schemas';

/** Routes under /api/v1/stores/:storeId: what runs on its own, and when. */
export function schedulesRoutes(r: Routes, { schedules }: { schedules: SchedulesService }) {
  r.store('get', '/schedules', { permission: 'inventory:read' }, ({ ctx }) => schedules.list(ctx));
  r.store(
    'put',
    '/schedules/:task',
    { permission: 'settings:manage', params: s.taskParams, body: s.updateScheduleBody },
    ({ ctx, params, body }) => schedules.update(ctx, params.task, body),
  );
}
