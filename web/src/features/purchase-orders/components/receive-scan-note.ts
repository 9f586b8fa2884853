import { formatCount, formatNumber } from '@/lib/format';
import type { ScanResult } from './use-receive-quantities';

/**
 * What the last scan did, said under the scan field: an alert when it was not counted, a
 * warning when it found nothing on the order.
 */
export interface ScanNote {
  text: string;
  alert?: boolean;
  warning?: boolean;
}

export function describeScan({ line, count, started, refused }: ScanResult): ScanNote {
  const name = line.product.name;
  const open = formatCount(line.openQuantity, 'unit');
  if (refused) {
    return {
      text: `${name}: all ${open} open are counted already, so this scan was not counted. Set the extra unit aside: the order has no more open.`,
      alert: true,
    };
  }
  const over = count - line.openQuantity;
  return {
    text: [
      `${name}: ${formatCount(count, 'unit')} counted, ${formatNumber(line.openQuantity)} open.`,
      over > 0 ? `That is ${formatNumber(over)} more than open.` : '',
      started ? 'Counting by scan: lines you have not scanned or typed count 0.' : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}
