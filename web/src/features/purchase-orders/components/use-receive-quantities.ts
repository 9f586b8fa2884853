import { useRef, useState } from 'react';
import type { OrderLine } from '../api/types';

/** What a scan did: the line, its count now, and whether it was refused or started a count. */
export interface ScanResult {
  line: OrderLine;
  count: number;
  /** The scan started counting: lines neither scanned nor typed into went to 0. */
  started: boolean;
  /** Not counted: every open unit of a line that allows no more is counted already. */
  refused: boolean;
}

/**
 * The receive dialog's quantities. Each open line starts at its open quantity, for a delivery
 * checked against the slip and typed in. Scanning counts instead: a scanned code (barcode or
 * SKU) picks its line and counts one unit, the first scan of a line starting its count at 1,
 * each next one adding one, never past what is open unless the line allows over-receipt (the
 * scan is then refused and said so). The first scan turns every line nobody typed a number
 * into to 0: what was not scanned did not arrive. "Receive all" puts every line at what is
 * open and ends the count, so a scan after it starts a new count the same way (it never adds
 * to the open quantity). Focus stays in the scan field; the scanned line is marked and
 * scrolled to.
 */
export function useReceiveQuantities(lines: OrderLine[]) {
  const open = lines.filter((l) => l.openQuantity > 0 || l.allowOverReceipt);
  const allOpen = () => Object.fromEntries(open.map((l) => [l.id, String(l.openQuantity)]));
  const [quantities, setQuantities] = useState<Record<string, string>>(allOpen);
  // Read by consecutive scans before React has rendered the previous one.
  const current = useRef(quantities);
  const [lastScanned, setLastScanned] = useState<string>();
  const counting = useRef(false);
  const [countingShown, setCountingShown] = useState(false);
  /** Lines someone typed a number into since the dialog opened or "Receive all". */
  const typed = useRef(new Set<string>());
  /** Lines scanned in the current count. */
  const scanned = useRef(new Set<string>());
  const inputs = useRef(new Map<string, HTMLInputElement>());

  function write(next: Record<string, string>) {
    current.current = next;
    setQuantities(next);
  }

  function set(lineId: string, value: string) {
    typed.current.add(lineId);
    write({ ...current.current, [lineId]: value });
  }

  /** The line the code names and what the scan did, or undefined when it is not on the order. */
  function scan(code: string): ScanResult | undefined {
    const wanted = code.trim();
    const line = open.find(
      (l) => l.product.barcode === wanted || l.product.sku.toLowerCase() === wanted.toLowerCase(),
    );
    if (!line) return undefined;
    const next = { ...current.current };
    const started = !counting.current;
    if (started) {
      for (const l of open) if (!typed.current.has(l.id)) next[l.id] = '0';
      counting.current = true;
      setCountingShown(true);
    }
    // A typed number is a count already: scans go on from it.
    const from =
      scanned.current.has(line.id) || typed.current.has(line.id) ? Number(next[line.id]) || 0 : 0;
    scanned.current.add(line.id);
    const refused = from >= line.openQuantity && !line.allowOverReceipt;
    const count = refused ? from : from + 1;
    write({ ...next, [line.id]: String(count) });
    setLastScanned(line.id);
    inputs.current.get(line.id)?.scrollIntoView?.({ block: 'nearest' });
    return { line, count, started, refused };
  }

  /** Every line at what is open: the explicit way to take the whole order. Ends a count. */
  function receiveAll() {
    typed.current.clear();
    scanned.current.clear();
    counting.current = false;
    setCountingShown(false);
    setLastScanned(undefined);
    write(allOpen());
  }

  return {
    open,
    quantities,
    lastScanned,
    /** Whether a count by scan is on (unscanned, untyped lines then count 0). */
    counting: countingShown,
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
