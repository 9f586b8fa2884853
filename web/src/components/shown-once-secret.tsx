import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';

/**
 * A secret the server shows once (an API key's token, a webhook's signing secret): a warning,
 * the value read-only and selected on focus, a copy button and Done. Without a clipboard (plain
 * http on a LAN, or refused) the value is selected to copy by hand.
 */
export function ShownOnceSecret(props: {
  /** The field's label, e.g. "Signing secret". */
  label: string;
  value: string;
  /** What to do with it and what it allows (the warning that it will not be shown again). */
  notice: ReactNode;
  /** The copy button's words, e.g. "Copy key". */
  copyLabel: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const id = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div className="form">
      <p className="notice" role="alert">
        {props.notice}
      </p>
      <TextField
        id={id}
        label={props.label}
        name="secret"
        value={props.value}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="form__actions">
        <Button onClick={copy}>{copied ? 'Copied' : props.copyLabel}</Button>
        <Button variant="ghost" onClick={props.onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
