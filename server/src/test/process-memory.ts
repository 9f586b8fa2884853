import { readFileSync } from 'node:fs';

/*
 * Resident memory of a process as the system sees it (Linux's /proc), from outside the
 * process: what a heap snapshot or process.memoryUsage() inside it would not show honestly.
 */

function residentKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0);
  } catch {
    return 0; // gone
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Megabytes resident in the process and every process it started (its readers). */
export function treeResidentMb(pid: number): number {
  let kb = residentKb(pid);
  for (const child of childrenOf(pid)) kb += treeResidentMb(child) * 1024;
  return kb / 1024;
}

export const residentMb = (pid: number) => residentKb(pid) / 1024;
export const hasChildren = (pid: number) => childrenOf(pid).length > 0;

/** Samples `measure` every `everyMs` until stopped; the highest value seen. */
export function peakOf(measure: () => number, everyMs = 20) {
  let peak = measure();
  const timer = setInterval(() => (peak = Math.max(peak, measure())), everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, measure());
  };
}
