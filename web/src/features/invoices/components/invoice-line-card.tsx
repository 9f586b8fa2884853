import { useState } from 'react';
import { Button } from '@/components/button';
import { ProductPicker } from '@/components/product-picker';
import { useFindProductByCode } from '@/hooks/use-find-product-by-code';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { InvoiceDetail, InvoiceLine, ThreeWay } from '../api/types';
import { CreateProductDialog } from './create-product-dialog';
import { LineDecision } from './line-decision';
import { matchWords, suggestionWords } from './match-words';
import { OcrConfidence, OcrValue } from './ocr-confidence';
import { matchedUnits, type LineChoice } from './review-choices';
import { ThreeWayFigures } from './three-way-figures';
import { VarianceList } from './variance-list';

interface InvoiceLineCardProps {
  storeId: string;
  line: InvoiceLine;
  /** Its total is not its quantity × unit cost (the server's check). */
  mismatch?: InvoiceDetail['totals']['lineMismatches'][number];
  /** The line's three-way match as the current choices make it (the preview's). */
  threeWay: ThreeWay;
  choice: LineChoice;
  /** The order chosen for the whole invoice, if one was. */
  invoiceOrder?: string;
  problems: string[];
  /** Reconciled: shown as it was decided, nothing can change. */
  locked: boolean;
  busy: boolean;
  onChoose: (productId: string | null, method?: 'manual' | 'created') => void;
  onChoice: (choice: LineChoice) => void;
}

/** What reconciling did with the line, in words. */
function outcome(tw: ThreeWay, count: (n: number) => string): string {
  if (tw.action === 'skip') return 'Skipped: nothing matched or received.';
  const parts = [
    matchedUnits(tw) > 0 && `${count(matchedUnits(tw))} matched to goods already received`,
    tw.receiveNow > 0 &&
      `${count(tw.receiveNow)} received into stock${tw.receiveOrder ? ` against ${tw.receiveOrder.orderNumber}` : ''}`,
  ].filter(Boolean);
  return parts.length ? `${parts.join('; ')}.` : 'Nothing received.';
}

/**
 * One invoice line: what it says, the product it matched (how sure, in words), ordered /
 * received / invoiced side by side, its variances, and the choices — or, once reconciled,
 * what was done.
 */
export function InvoiceLineCard(props: InvoiceLineCardProps) {
  const { storeId, line, mismatch, threeWay: tw, choice, problems, locked, busy } = props;
  const { invoiceOrder, onChoose, onChoice } = props;
  const money = useMoney();
  const [picking, setPicking] = useState(false);
  const [creating, setCreating] = useState(false);
  const [codeError, setCodeError] = useState<string>();
  const findByCode = useFindProductByCode(storeId);
  const title = line.description ?? line.sku ?? line.upc ?? `Line ${line.position + 1}`;
  const product = line.match.product;
  // An unmatched line is skipped only when the person says so (the server skips it otherwise).
  const skipped =
    !locked && (product ? (choice.action ?? tw.action) === 'skip' : choice.action === 'skip');
  const classes = [
    'invoice-line',
    tw.variances.length || problems.length || mismatch ? 'invoice-line--conflict' : '',
    skipped ? 'invoice-line--skipped' : '',
  ].join(' ');

  return (
    <li className={classes}>
      <article aria-label={`Line ${line.position + 1}: ${title}`}>
        <div className="invoice-line__head">
          <h3 className="invoice-line__title">
            <OcrValue line={line} field="description">
              {title}
            </OcrValue>
          </h3>
          <span>
            <OcrValue line={line} field="quantity">
              {line.quantity}
            </OcrValue>{' '}
            ×{' '}
            <OcrValue line={line} field="unitCost">
              {money(line.unitCost)}
            </OcrValue>{' '}
            ={' '}
            <OcrValue line={line} field="total">
              {money(line.total)}
            </OcrValue>
          </span>
        </div>
        {(line.sku || line.upc) && (
          <span className="invoice-line__codes">
            {line.sku && (
              <OcrValue line={line} field="sku">
                SKU {line.sku}
              </OcrValue>
            )}
            {line.sku && line.upc && ' · '}
            {line.upc && (
              <OcrValue line={line} field="upc">
                UPC {line.upc}
              </OcrValue>
            )}
          </span>
        )}
        <OcrConfidence line={line} />
        {mismatch && (
          <p className="invoice-line__conflict">
            <span className="strong">Total does not match: </span>
            {mismatch.quantity} × {money(mismatch.unitCost)} = {money(mismatch.expected)}, but the
            line says {money(mismatch.total)} ({money(Math.abs(mismatch.difference))}{' '}
            {mismatch.difference < 0 ? 'less' : 'more'}).
          </p>
        )}
        <p className="invoice-line__match">
          {product ? (
            <>
              <span className="strong">{product.name}</span>{' '}
              <span className="muted small">
                {matchWords(line.match)} · SKU {product.sku}
              </span>
            </>
          ) : skipped ? (
            <span className="badge">Skipped: nothing received</span>
          ) : (
            <span className="badge badge--warning">Not matched: choose a product or skip</span>
          )}
        </p>
        {product && <ThreeWayFigures threeWay={tw} reconciled={locked} />}
        <VarianceList threeWay={tw} />
        {problems.map((p) => (
          <p className="field__error" key={p}>
            {p}
          </p>
        ))}
        {locked && (
          <p className="invoice-line__outcome">
            {outcome(tw, (n) => formatCount(n, 'unit'))}
            {tw.costAccepted && ` New cost accepted: ${money(tw.invoiced.unitCost)} a unit.`}
          </p>
        )}
        {!locked && product && (
          <LineDecision
            title={title}
            invoiceOrder={invoiceOrder}
            threeWay={tw}
            choice={choice}
            disabled={busy}
            onChange={onChoice}
          />
        )}
        {!locked && (
          <div className="invoice-line__actions">
            {!product &&
              !skipped &&
              line.suggestions.map((s) => (
                <Button
                  key={s.productId}
                  variant="secondary"
                  disabled={busy}
                  onClick={() => onChoose(s.productId)}
                >
                  Use {s.name} ({suggestionWords(s.confidence)})
                </Button>
              ))}
            <Button
              variant="ghost"
              disabled={busy}
              onClick={() => setPicking((p) => !p)}
              aria-expanded={picking}
            >
              {product ? 'Pick another product' : 'Pick a product'}
              <span className="visually-hidden"> for {title}</span>
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setCreating(true)}>
              Create product
              <span className="visually-hidden"> from {title}</span>
            </Button>
            {!product && (
              <Button
                variant="ghost"
                disabled={busy}
                onClick={() => onChoice({ ...choice, action: skipped ? undefined : 'skip' })}
              >
                {skipped ? 'Do not skip' : 'Skip'}
                <span className="visually-hidden"> {title}</span>
              </Button>
            )}
          </div>
        )}
        {picking && !locked && (
          <ProductPicker
            storeId={storeId}
            label={`Product for “${title}”`}
            formLabel={`Pick a product for ${title}`}
            autoFocus
            onPick={(p) => {
              setPicking(false);
              onChoose(p.id);
            }}
            onCode={(code) => {
              // A scanned or typed barcode / SKU picks its product, as in the till.
              setCodeError(undefined);
              findByCode(code).then(
                (p) => {
                  if (!p) return setCodeError(`No product has the barcode or SKU “${code}”.`);
                  setPicking(false);
                  onChoose(p.id);
                },
                (e: unknown) => setCodeError(toApiError(e).message),
              );
            }}
            error={codeError}
          />
        )}
        <CreateProductDialog
          storeId={storeId}
          line={line}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            onChoose(p.id, 'created');
          }}
        />
      </article>
    </li>
  );
}
