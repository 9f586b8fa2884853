import { useId, useState, type FormEvent, type RefObject } from 'react';
import { Button } from '@/components/button';

interface ScanInputProps {
  inputRef: RefObject<HTMLInputElement | null>;
  onScan: (code: string) => void;
  busy: boolean;
  error?: string;
}

/**
 * A keyboard-wedge scanner types the code and presses Enter, like a person would. The field
 * clears at once, so the next scan can start while the previous code is still being looked up.
 */
export function ScanInput({ inputRef, onScan, busy, error }: ScanInputProps) {
  const id = useId();
  const [code, setCode] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    inputRef.current?.focus();
    if (scanned) onScan(scanned);
  }

  return (
    <form onSubmit={onSubmit} className="scan" role="search" aria-label="Add products to the sale">
      <div className={error ? 'field field--invalid scan__field' : 'field scan__field'}>
        <label htmlFor={id}>Scan or type barcode / SKU</label>
        <input
          id={id}
          ref={inputRef}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="enter"
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-hint`}>
            {busy
              ? 'Looking up…'
              : 'Press Enter to add. Scanning the same item again adds one more.'}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" className="scan__button">
        Add item
      </Button>
    </form>
  );
}
