import { ShownOnceSecret } from '@/components/shown-once-secret';

/** A webhook's signing secret, shown once (on creation and on rotation). */
export function WebhookSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <ShownOnceSecret
      label="Signing secret"
      value={secret}
      copyLabel="Copy secret"
      onDone={onDone}
      notice={
        <>
          Copy this signing secret now and keep it with the receiver: it will not be shown again.
          The receiver checks each request&apos;s <code>Nimbus-Signature</code> with it.
        </>
      }
    />
  );
}
