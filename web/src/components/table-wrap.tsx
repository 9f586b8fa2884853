import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen: a named region that takes focus, so a
 * keyboard can scroll it too (axe: scrollable-region-focusable). `label` is the table's name
 * (the region is "<label> table", apart from a card of that name).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={`${label} table`} tabIndex={0}>
      {children}
    </div>
  );
}
