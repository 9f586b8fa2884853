import type { ReactNode } from 'react';
import type { InvoiceLine } from '../api/types';

type OcrField = keyof NonNullable<InvoiceLine['ocr']>['fields'];

const FIELD_WORDS: Record<OcrField, string> = {
  description: 'description',
  quantity: 'quantity',
  unitCost: 'unit cost',
  total: 'total',
  sku: 'SKU',
  upc: 'UPC',
};

const percent = (n: number) => `${Math.round(n * 100)}%`;

/** The fields OCR was unsure of (the server's `review`, below its threshold). */
const toCheck = (line: InvoiceLine): OcrField[] => line.ocr?.review ?? [];

/**
 * How sure OCR was of a line read off a scan, and which of its fields to check against the
 * scan; nothing for a line read from a file with text.
 */
export function OcrConfidence({ line }: { line: InvoiceLine }) {
  const ocr = line.ocr;
  if (!ocr) return null;
  const check = toCheck(line);
  return (
    <p className="invoice-line__ocr">
      <span className={`badge${check.length ? ' badge--warning' : ''}`}>
        Read by OCR: {percent(ocr.confidence)} sure
      </span>
      {check.length > 0 && (
        <span>
          {' '}
          Check against the scan:{' '}
          {check.map((f) => `${FIELD_WORDS[f]} (${percent(ocr.fields[f] ?? 0)} sure)`).join(', ')}.
        </span>
      )}
    </p>
  );
}

/** A field's value as read, highlighted when OCR was unsure of it. */
export function OcrValue({
  line,
  field,
  children,
}: {
  line: InvoiceLine;
  field: OcrField;
  children: ReactNode;
}) {
  if (!toCheck(line).includes(field)) return <>{children}</>;
  return (
    <mark
      className="ocr-check"
      title={`OCR was ${percent(line.ocr?.fields[field] ?? 0)} sure of the ${FIELD_WORDS[field]}: check it against the scan`}
    >
      {children}
      <span className="visually-hidden"> (check the {FIELD_WORDS[field]} against the scan)</span>
    </mark>
  );
}
