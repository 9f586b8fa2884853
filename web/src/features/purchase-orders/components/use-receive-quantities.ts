import { useRef, useState } from 'react';
import type { OrderLine } from '../api/types';

/**
 * The receive dialog's quantities: each open line starts at its open quantity. A scanned code
 * (barcode or SKU) picks its line, focuses its field and counts one unit: the first scan of a
 * line starts its count at 1 (units are counted as they are unpacked), each next scan adds one.
 */
export function useReceiveQuantities(lines: OrderLine[]) {
  const open = lines.filter((l) => l.openQuantity > 0 || l.allowOverReceipt);
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(open.map((l) => [l.id, String(l.openQuantity)])),
  );
  const scanned = useRef(new Set<string>());
  const inputs = useRef(new Map<string, HTMLInputElement>());

  function set(lineId: string, value: string) {
    scanned.current.add(lineId);
    setQuantities((q) => ({ ...q, [lineId]: value }));
  }

  /** The line the code names, or undefined; counts one unit of it. */
  function scan(code: string): OrderLine | undefined {
    const wanted = code.trim().toLowerCase();
    const line = open.find(
      (l) => l.product.barcode === code.trim() || l.product.sku.toLowerCase() === wanted,
    );
    if (!line) return undefined;
    const first = !scanned.current.has(line.id);
    scanned.current.add(line.id);
    setQuantities((q) => ({
      ...q,
      [line.id]: String(first ? 1 : (Number(q[line.id]) || 0) + 1),
    }));
    inputs.current.get(line.id)?.focus();
    return line;
  }

  return {
    open,
    quantities,
    set,
    scan,
    /** Registers a line's input so a scan can focus it. */
    inputRef: (lineId: string) => (node: HTMLInputElement | null) => {
      if (node) inputs.current.set(lineId, node);
      else inputs.current.delete(lineId);
    },
  };
}
