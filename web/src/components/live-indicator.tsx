import { useLiveStatus } from '@/lib/live';

const labels = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;
const hints = {
  live: 'Changes made by others show up here as they happen.',
  connecting: 'Connecting for live updates…',
  offline: 'Live updates paused: reconnecting. Changes made meanwhile show up once connected.',
} as const;

/** Whether the screens update by themselves: in words (and a dot for the eye), never colour alone. */
export function LiveIndicator() {
  const status = useLiveStatus();
  return (
    <span
      role="status"
      className={`live-indicator live-indicator--${status}`}
      title={hints[status]}
    >
      <span className="live-indicator__dot" aria-hidden="true" />
      <span className="visually-hidden">Live updates: </span>
      {labels[status]}
    </span>
  );
}
