import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { Button } from '@/components/button';
import { TableWrap } from '@/components/table-wrap';
import type { ProductPick } from '@/lib/api/types';

/** A line being written: at least the product, the rest typed by the caller's columns. */
export interface EditorLine {
  product: ProductPick;
}

/** One column between the product and Remove: its header and the cell of a line. */
export interface LineColumn<L extends EditorLine> {
  header: string;
  /** Right-aligned (`num`), for quantities and money. */
  numeric?: boolean;
  /** `index` names the line's errors (`lines.<index>.quantity`); `update` changes its fields. */
  cell: (line: L, index: number, update: (change: Partial<L>) => void) => ReactNode;
}

interface Props<L extends EditorLine> {
  /** The table's name: "Order lines". */
  label: string;
  lines: L[];
  onChange: Dispatch<SetStateAction<L[]>>;
  columns: LineColumn<L>[];
  /** The message shown under a line's product, by its index. */
  rowError: (index: number) => string | undefined;
  /** The table's `<tfoot>` row contents, if any. */
  footer?: ReactNode;
}

/**
 * The lines of a draft (order, transfer): the product, the caller's columns (typed quantities…),
 * and Remove. Nothing is shown while there are no lines.
 */
export function LinesEditor<L extends EditorLine>({
  label,
  lines,
  onChange,
  columns,
  rowError,
  footer,
}: Props<L>) {
  if (lines.length === 0) return null;
  const update = (i: number) => (change: Partial<L>) =>
    onChange((current) => current.map((l, j) => (j === i ? { ...l, ...change } : l)));

  return (
    <TableWrap label={label}>
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Product</th>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const error = rowError(i);
            return (
              <tr key={line.product.id}>
                <td>
                  <span className="strong">{line.product.name}</span>
                  <div className="muted small">SKU {line.product.sku}</div>
                  {error && (
                    <p className="field__error" role="alert">
                      {error}
                    </p>
                  )}
                </td>
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {c.cell(line, i, update(i))}
                  </td>
                ))}
                <td>
                  <Button
                    variant="ghost"
                    onClick={() => onChange((current) => current.filter((_, j) => j !== i))}
                  >
                    Remove<span className="visually-hidden"> {line.product.name}</span>
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
        {footer && (
          <tfoot>
            <tr>{footer}</tr>
          </tfoot>
        )}
      </table>
    </TableWrap>
  );
}
