import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatDateTimeIn } from '@/lib/format';
import { useSchedules, useUpdateSchedule, type Schedule } from '../api/schedules';

/** What runs on its own in the store, at the store's local time; admins change the times. */
export function SchedulesCard({ storeId, canManage }: { storeId: string; canManage: boolean }) {
  const schedules = useSchedules(storeId);
  return (
    <Card title="Schedules">
      <p className="muted">
        These run on their own at the store&rsquo;s local time, once a day (or a week), even when
        nobody is signed in.
      </p>
      <QueryState query={schedules} loading="Loading schedules…">
        {(items) => (
          <ul className="schedule-list">
            {items.map((s) => (
              <ScheduleRow key={s.task} storeId={storeId} schedule={s} canManage={canManage} />
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}

/** "Daily" or "Mondays": when in the week the task runs. */
const cadenceWord = (s: Schedule) =>
  s.cadence === 'weekly' && s.weekday
    ? `${s.weekday[0]!.toUpperCase()}${s.weekday.slice(1)}s`
    : 'Daily';

function ScheduleRow(props: { storeId: string; schedule: Schedule; canManage: boolean }) {
  const { storeId, schedule: s, canManage } = props;
  const update = useUpdateSchedule(storeId);
  const [saved, setSaved] = useState(false);
  const error = update.error ? toApiError(update.error) : undefined;
  const timeId = `schedule-${s.task}-at`;
  const enabledId = `schedule-${s.task}-enabled`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    update.mutate(
      {
        task: s.task,
        changes: { at: String(form.get('at') ?? s.at), enabled: form.get('enabled') === 'on' },
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  const when = (
    <p className="schedule__when">
      {s.enabled && s.nextRunAt
        ? `Next run ${formatDateTimeIn(s.nextRunAt, s.timezone)}.`
        : 'Off: it does not run on its own.'}{' '}
      {s.lastRun
        ? `Last run ${formatDateTimeIn(s.lastRun.dueAt, s.timezone)}.`
        : 'It has not run yet.'}
    </p>
  );

  if (!canManage) {
    return (
      <li className="schedule">
        <strong>{s.title}</strong>:{' '}
        {s.enabled ? `${cadenceWord(s).toLowerCase()} at ${s.at}` : 'off'} ({s.timezone}){when}
      </li>
    );
  }
  return (
    <li className="schedule">
      <form onSubmit={onSubmit} className="form form--inline" aria-label={s.title}>
        <strong>{s.title}</strong>
        <div className="field">
          <label htmlFor={timeId}>
            {cadenceWord(s)} at ({s.timezone})
          </label>
          <input
            id={timeId}
            name="at"
            type="time"
            required
            defaultValue={s.at}
            aria-invalid={error?.fieldErrors?.at ? true : undefined}
          />
        </div>
        <div className="field field--checkbox">
          <input id={enabledId} name="enabled" type="checkbox" defaultChecked={s.enabled} />
          <label htmlFor={enabledId}>Runs on its own</label>
        </div>
        <Button type="submit" busy={update.isPending} busyLabel="Saving…">
          Save {s.title.toLowerCase()}
        </Button>
      </form>
      {when}
      {saved && !update.isPending && <StatusMessage>Schedule saved.</StatusMessage>}
      <ErrorBanner>{error?.message}</ErrorBanner>
    </li>
  );
}
