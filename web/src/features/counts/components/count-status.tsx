import type { CountSession } from '../api/keys';

const STATUS: Record<CountSession['status'], { label: string; className: string }> = {
  open: { label: 'Open', className: 'status-badge status-badge--new' },
  posted: { label: 'Posted', className: 'status-badge' },
  cancelled: { label: 'Cancelled', className: 'status-badge' },
};

/** The session's status in words; the colour only repeats it. */
export function CountStatus({ status }: { status: CountSession['status'] }) {
  const s = STATUS[status];
  return <span className={s.className}>{s.label}</span>;
}
