import { Button } from '@/components/button';
import type { StockShortage } from '@/lib/api/types';
import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import { lineTotal, type TillLine } from './use-sale-lines';
import { TableWrap } from '@/components/table-wrap';

interface SaleLinesTableProps {
  lines: TillLine[];
  total: number;
  shortages: Map<string, StockShortage>;
  onQuantity: (productId: string, quantity: number) => void;
  onRemove: (productId: string) => void;
  /** Opens the line's discount / price dialog. */
  onAdjust: (line: TillLine) => void;
}

export function SaleLinesTable({
  lines,
  total,
  shortages,
  onQuantity,
  onRemove,
  onAdjust,
}: SaleLinesTableProps) {
  const money = useMoney();
  return (
    <TableWrap label="Sale lines">
      <table className="table" aria-label="Sale lines">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="num sale-line__price">
              Unit price
            </th>
            <th scope="col">Quantity</th>
            <th scope="col" className="num">
              Line total
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const { product } = line;
            const short = shortages.get(product.id);
            const inputId = `qty-${product.id}`;
            const a = line.adjustment;
            const unit = a?.kind === 'price' ? a.value : product.price;
            const adjusted =
              a?.kind === 'price'
                ? `Price changed from ${money(product.price)}: ${a.reason}`
                : a?.kind === 'percent'
                  ? `Discount ${formatNumber(a.value)}%`
                  : a
                    ? `Discount ${money(a.value)}`
                    : undefined;
            return (
              <tr key={product.id} className={short ? 'row--invalid' : undefined}>
                <td>
                  <div className="strong">{product.name}</div>
                  <div className="muted small">SKU {product.sku}</div>
                  <div className="muted small sale-line__each">{money(unit)} each</div>
                  {adjusted && <div className="small sale-line__adjusted">{adjusted}</div>}
                </td>
                <td className="num sale-line__price">{money(unit)}</td>
                <td>
                  <label htmlFor={inputId} className="visually-hidden">
                    Quantity of {product.name}
                  </label>
                  <input
                    id={inputId}
                    className="qty-input"
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    value={line.quantity}
                    aria-invalid={short ? true : undefined}
                    aria-describedby={short ? `${inputId}-short` : undefined}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => {
                      const n = Math.floor(Number(e.target.value));
                      if (n >= 1) onQuantity(product.id, n);
                    }}
                  />
                  {short && (
                    <p className="field__error" id={`${inputId}-short`}>
                      Only {formatNumber(short.available)} available
                    </p>
                  )}
                </td>
                <td className="num strong">{money(lineTotal(line))}</td>
                <td className="table__actions">
                  <Button variant="ghost" onClick={() => onAdjust(line)}>
                    Adjust<span className="visually-hidden"> price of {product.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    className="btn--danger-text"
                    onClick={() => onRemove(product.id)}
                  >
                    Remove<span className="visually-hidden"> {product.name}</span>
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num total" aria-live="polite">
              {money(total)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
