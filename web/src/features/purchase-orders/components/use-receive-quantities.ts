import { useRef, useState } from 'react';
import type { OrderLine } from '../api/types';

/**
 * The receive dialog's quantities: each open line starts at its open quantity. A scanned code
 * (barcode or SKU) picks its line and counts one unit: the first scan of a line starts its
 * count at 1 (units are counted as they are unpacked), each next scan adds one. Focus stays
 * in the scan field (a scanner types the next code there); the line is marked and scrolled to.
 */
export function useReceiveQuantities(lines: OrderLine[]) {
  const open = lines.filter((l) => l.openQuantity > 0 || l.allowOverReceipt);
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(open.map((l) => [l.id, String(l.openQuantity)])),
  );
  // Read by consecutive scans before React has rendered the previous one.
  const current = useRef(quantities);
  const [lastScanned, setLastScanned] = useState<string>();
  const scanned = useRef(new Set<string>());
  const inputs = useRef(new Map<string, HTMLInputElement>());

  function write(lineId: string, value: string) {
    current.current = { ...current.current, [lineId]: value };
    setQuantities(current.current);
  }

  function set(lineId: string, value: string) {
    scanned.current.add(lineId);
    write(lineId, value);
  }

  /** The line the code names and its count now, or undefined when it is not on the order. */
  function scan(code: string): { line: OrderLine; count: number } | undefined {
    const wanted = code.trim();
    const line = open.find(
      (l) => l.product.barcode === wanted || l.product.sku.toLowerCase() === wanted.toLowerCase(),
    );
    if (!line) return undefined;
    const first = !scanned.current.has(line.id);
    scanned.current.add(line.id);
    const count = first ? 1 : (Number(current.current[line.id]) || 0) + 1;
    write(line.id, String(count));
    setLastScanned(line.id);
    inputs.current.get(line.id)?.scrollIntoView?.({ block: 'nearest' });
    return { line, count };
  }

  return {
    open,
    quantities,
    lastScanned,
    set,
    scan,
    /** Registers a line's input so a scan can bring it into view. */
    inputRef: (lineId: string) => (node: HTMLInputElement | null) => {
      if (node) inputs.current.set(lineId, node);
      else inputs.current.delete(lineId);
    },
  };
}
