import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { ProductPicker } from '@/components/product-picker';
import { useFindProductByCode } from '@/hooks/use-find-product-by-code';
import { stockShortages, toApiError } from '@/lib/api-error';
import type { ProductPick } from '@/lib/api/types';
import { formatCount } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { TopSellers } from './top-sellers';
import { useSaleOutbox } from '../api/sale-outbox';
import { useTillCatalogueSync } from '../offline/sync-catalogue';
import { OfflineCatalogueNote } from './offline-catalogue-note';
import { QueuedSales } from './queued-sales';
import { SaleFooter } from './sale-footer';
import { SaleMessages, type SaleOutcome } from './sale-messages';
import { SaleLinesTable } from './sale-lines-table';
import { useCompleteSale } from './use-complete-sale';
import { PayDialog } from './pay-dialog';
import type { SaleExtras, TillLine } from '../api/types';
import { needsApproval } from '../api/create-approval';
import { ApprovalDialog } from './approval-dialog';
import { LineAdjustDialog } from './line-adjust-dialog';
import { takenOff } from '../offline/taken-off';
import { useSaleLines } from './use-sale-lines';

const PICKER_LABEL = 'Scan or search products';

export function QuickSalePage() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  const findByCode = useFindProductByCode(storeId);
  const session = useSession();
  const userId = session.status === 'authenticated' ? session.user.id : undefined;
  const sale = useSaleLines(storeId, userId);
  const outbox = useSaleOutbox(storeId, userId);
  const catalogue = useTillCatalogueSync(storeId);
  const { complete: completeSale, mutation: complete } = useCompleteSale(storeId);
  const inputRef = useRef<HTMLInputElement>(null);
  // Codes are resolved one after another, so lines appear in the order they were scanned (and
  // a product picked from the suggestions or the top sellers waits its turn behind them).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [lookups, setLookups] = useState(0);
  const [lookupError, setLookupError] = useState<string>();
  const [outcome, setOutcome] = useState<SaleOutcome>();
  const [paying, setPaying] = useState(false);
  const [adjusting, setAdjusting] = useState<TillLine>();
  // A sale refused for want of a manager's approval (discounts beyond an employee's limit):
  // what it was sent with, sent again with the approval's token.
  const lastExtras = useRef<SaleExtras>(undefined);
  // Open: what the refused sale took off, the amount the manager is asked to approve.
  const [approving, setApproving] = useState<number | undefined>(undefined);
  const approvalNeeded = needsApproval(complete.error);
  const shortages = stockShortages(complete.error);
  const saleError = complete.error ? toApiError(complete.error) : undefined;

  function changed() {
    setOutcome(undefined);
    if (complete.error) complete.reset();
  }

  function onScan(code: string) {
    changed();
    setLookups((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const product = await findByCode(code);
        if (product) {
          sale.add(product);
          setLookupError(undefined);
        } else {
          setLookupError(
            `No product has the barcode or SKU “${code}”. To find it by name, choose it from the suggestions.`,
          );
        }
      } catch (error) {
        setLookupError(toApiError(error).message);
      } finally {
        setLookups((n) => n - 1);
      }
    });
  }

  function onPick(product: ProductPick) {
    changed();
    setLookupError(undefined);
    queue.current = queue.current.then(() => sale.add(product));
  }

  function onComplete(extras?: SaleExtras, approval?: string) {
    lastExtras.current = extras;
    const totals = { total: sale.total, units: sale.units };
    completeSale(
      sale.lines,
      totals,
      {
        onRecorded: (recorded) => {
          setOutcome({ kind: 'recorded', sale: recorded });
          setPaying(false);
          sale.clear();
        },
        onQueued: (queued) => {
          setOutcome({ kind: 'queued', ...totals, provisionalNumber: queued.provisionalNumber });
          setPaying(false);
          sale.clear();
        },
        onSettled: () => inputRef.current?.focus(),
      },
      extras,
      approval,
    );
  }

  if (!canWrite) {
    return (
      <div className="page page--narrow">
        <PageHeader title="Quick sale" />
        <p className="notice">Your role cannot record sales in this store.</p>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="Quick sale"
        subtitle="Scan items, or type part of a name and choose from the suggestions, then complete the sale."
        actions={
          <Link to={`/stores/${storeId}/sales`} className="btn btn--secondary">
            All sales
          </Link>
        }
      />
      <SaleMessages storeId={storeId} outcome={outcome} sent={outbox.lastSent} />
      <div className="till">
        <div className="till__pick">
          <Card>
            <ProductPicker
              storeId={storeId}
              label={PICKER_LABEL}
              formLabel="Add products to the sale"
              inputRef={inputRef}
              onPick={onPick}
              onCode={onScan}
              busy={lookups > 0}
              error={lookupError}
              autoFocus
            />
            <OfflineCatalogueNote sync={catalogue} />
          </Card>
        </div>
        <div className="till__queued">
          <QueuedSales
            waiting={outbox.waiting}
            refused={outbox.refused}
            onReopen={(lines) => {
              changed();
              sale.load(lines);
            }}
          />
        </div>
        <div className="till__sale">
          <Card
            title="Current sale"
            actions={
              <Button
                variant="ghost"
                disabled={!sale.lines.length || complete.isPending}
                onClick={() => {
                  changed();
                  sale.clear();
                }}
              >
                Clear sale
              </Button>
            }
            description={sale.units ? formatCount(sale.units, 'unit') : undefined}
          >
            <ErrorBanner>
              {shortages.size
                ? 'Not enough stock for the lines marked below. Lower their quantity or remove them.'
                : saleError?.message}
            </ErrorBanner>
            {approvalNeeded && !paying && (
              <Button
                variant="secondary"
                onClick={() => setApproving(takenOff(sale.lines, lastExtras.current?.discount))}
              >
                Ask a manager to approve
              </Button>
            )}
            {sale.lines.length === 0 ? (
              <p className="muted">
                No items yet. Scan a barcode or search for a product to start.
              </p>
            ) : (
              <SaleLinesTable
                lines={sale.lines}
                total={sale.total}
                shortages={shortages}
                onQuantity={(id, quantity) => {
                  changed();
                  sale.setQuantity(id, quantity);
                }}
                onRemove={(id) => {
                  changed();
                  sale.remove(id);
                }}
                onAdjust={setAdjusting}
              />
            )}
          </Card>
        </div>
        <div className="till__top">
          <TopSellers storeId={storeId} onPick={onPick} />
        </div>
      </div>
      <SaleFooter
        total={sale.total}
        units={sale.units}
        canComplete={sale.lines.length > 0 && lookups === 0}
        recording={complete.isPending}
        onComplete={() => onComplete()}
        onPay={() => {
          changed();
          setPaying(true);
        }}
      />
      <PayDialog
        open={paying}
        lines={sale.lines}
        recording={complete.isPending}
        error={paying ? saleError?.message : undefined}
        onClose={() => setPaying(false)}
        onPay={onComplete}
        saleNeedsApproval={approvalNeeded}
      />
      <LineAdjustDialog
        line={adjusting}
        onClose={() => setAdjusting(undefined)}
        onApply={(id, adjustment) => {
          changed();
          sale.adjust(id, adjustment);
        }}
      />
      <ApprovalDialog
        storeId={storeId}
        action="discount"
        amount={approving}
        open={approving !== undefined}
        onClose={() => setApproving(undefined)}
        onApproved={(token) => {
          setApproving(undefined);
          onComplete(lastExtras.current, token);
        }}
      />
    </div>
  );
}
