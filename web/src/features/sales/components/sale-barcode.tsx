import { useEffect, useRef } from 'react';
import JsBarcode from 'jsbarcode';

/** The sale's number as a Code 128 barcode (a scanner at the till finds the sale by it). */
export function SaleBarcode({ value }: { value: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current)
      JsBarcode(ref.current, value, {
        format: 'CODE128',
        width: 2,
        height: 48,
        margin: 0,
        // The number is printed above in words; the bars alone here.
        displayValue: false,
        background: '#ffffff',
        lineColor: '#000000',
      });
  }, [value]);
  return (
    <svg
      ref={ref}
      className="receipt__barcode"
      role="img"
      aria-label={`Barcode of ${value}`}
      data-barcode={value}
    />
  );
}
