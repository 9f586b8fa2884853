import { useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/form-field';

/** A signing secret shown once, with a copy button. */
export function WebhookSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (plain http on a LAN, or refused): the field is selected to copy by hand.
      document.querySelector<HTMLInputElement>('input[name="secret"]')?.select();
    }
  }

  return (
    <div className="form">
      <p className="notice" role="alert">
        Copy this signing secret now and keep it with the receiver: it will not be shown again. The
        receiver checks each request&apos;s <code>Nimbus-Signature</code> with it.
      </p>
      <TextField
        label="Signing secret"
        name="secret"
        value={secret}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="form__actions">
        <Button onClick={copy}>{copied ? 'Copied' : 'Copy secret'}</Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
