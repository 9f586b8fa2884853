import { useRef, useState } from 'react';
import type { OrderLine } from '../api/types';

/**
 * The receive dialog's quantities. Each open line starts at its open quantity, for a delivery
 * checked against the slip and typed in. Scanning counts instead: a scanned code (barcode or
 * SKU) picks its line and counts one unit, the first scan of a line starting its count at 1,
 * each next one adding one. The first scan of the dialog turns every line nobody has touched
 * to 0: what was not scanned did not arrive, until someone says otherwise ("Receive all", or a
 * number typed in). Focus stays in the scan field; the scanned line is marked and scrolled to.
 */
export function useReceiveQuantities(lines: OrderLine[]) {
  const open = lines.filter((l) => l.openQuantity > 0 || l.allowOverReceipt);
  const allOpen = () => Object.fromEntries(open.map((l) => [l.id, String(l.openQuantity)]));
  const [quantities, setQuantities] = useState<Record<string, string>>(allOpen);
  // Read by consecutive scans before React has rendered the previous one.
  const current = useRef(quantities);
  const [lastScanned, setLastScanned] = useState<string>();
  const [counting, setCounting] = useState(false);
  /** Lines someone scanned or typed a number into. */
  const touched = useRef(new Set<string>());
  const inputs = useRef(new Map<string, HTMLInputElement>());

  function write(next: Record<string, string>) {
    current.current = next;
    setQuantities(next);
  }

  function set(lineId: string, value: string) {
    touched.current.add(lineId);
    write({ ...current.current, [lineId]: value });
  }

  /** The line the code names and its count now, or undefined when it is not on the order. */
  function scan(code: string): { line: OrderLine; count: number } | undefined {
    const wanted = code.trim();
    const line = open.find(
      (l) => l.product.barcode === wanted || l.product.sku.toLowerCase() === wanted.toLowerCase(),
    );
    if (!line) return undefined;
    const next = { ...current.current };
    if (!counting) {
      for (const l of open) if (!touched.current.has(l.id)) next[l.id] = '0';
      setCounting(true);
    }
    const first = !touched.current.has(line.id);
    touched.current.add(line.id);
    const count = first ? 1 : (Number(next[line.id]) || 0) + 1;
    write({ ...next, [line.id]: String(count) });
    setLastScanned(line.id);
    inputs.current.get(line.id)?.scrollIntoView?.({ block: 'nearest' });
    return { line, count };
  }

  /** Every line at what is open: the explicit way to take the whole order. */
  function receiveAll() {
    for (const l of open) touched.current.add(l.id);
    write(allOpen());
  }

  return {
    open,
    quantities,
    lastScanned,
    /** Whether a scan has landed (unscanned lines then count 0). */
    counting,
    set,
    scan,
    receiveAll,
    /** Registers a line's input so a scan can bring it into view. */
    inputRef: (lineId: string) => (node: HTMLInputElement | null) => {
      if (node) inputs.current.set(lineId, node);
      else inputs.current.delete(lineId);
    },
  };
}
