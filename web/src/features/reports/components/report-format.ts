import { formatDate } from '@/lib/format';
import type { ReportPeriod } from '../api/types';

/** A fraction as a whole percentage: 0.25 → "25%"; "—" when unknown. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** A change as a signed percentage: 0.25 → "+25%", -0.1 → "−10%". */
export function change(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const rounded = Math.round(value * 100);
  if (rounded === 0) return '0%';
  return rounded > 0 ? `+${rounded}%` : `−${Math.abs(rounded)}%`;
}

export function periodWords(period: ReportPeriod): string {
  return `${formatDate(period.from)} – ${formatDate(period.to)} (${period.days} ${period.days === 1 ? 'day' : 'days'})`;
}
