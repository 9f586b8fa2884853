import { Button } from '@/components/button';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { PushBlockedError } from '@/lib/web-push';
import { useThisDevice, useTurnPushOff, useTurnPushOn, useWebPushConfig } from '../api/push';

type State = 'loading' | 'server-off' | 'unsupported' | 'blocked' | 'on' | 'off';

const words: Record<State, string> = {
  loading: 'Checking this device…',
  'server-off': 'Push notifications are not available on this server.',
  unsupported: 'This browser cannot show push notifications.',
  blocked:
    'Blocked: notifications are blocked for this site. Allow them in the browser’s site settings, then come back.',
  on: 'On: alerts you hear of by push show on this device.',
  off: 'Off: this device does not show push notifications.',
};

function messageOf(error: unknown): string {
  if (error instanceof PushBlockedError) return error.message;
  // The browser's own refusal: its push service unreachable, or the key not accepted.
  if (error instanceof DOMException) {
    return `This browser could not subscribe at its push service (${error.message}).`;
  }
  return toApiError(error).message;
}

/** Push notifications on this device: unsupported, blocked, off or on, and the switch. */
export function PushDeviceControl() {
  const config = useWebPushConfig();
  const device = useThisDevice();
  const turnOn = useTurnPushOn();
  const turnOff = useTurnPushOff();
  const busy = turnOn.isPending || turnOff.isPending;

  const state: State =
    !config.data || !device.data
      ? 'loading'
      : !config.data.enabled
        ? 'server-off'
        : device.data.support === 'unsupported'
          ? 'unsupported'
          : device.data.support === 'blocked'
            ? 'blocked'
            : device.data.subscribed
              ? 'on'
              : 'off';
  const error = turnOn.error ?? turnOff.error;

  return (
    <section className="form push-device" aria-labelledby="push-device-heading">
      <h3 id="push-device-heading">Push notifications on this device</h3>
      <p data-state={state} aria-live="polite">
        {words[state]}
        {state === 'server-off' && config.data?.reason ? ` ${config.data.reason}.` : ''}
      </p>
      {state === 'off' && config.data?.publicKey && (
        <div className="form__actions">
          <Button
            busy={busy}
            busyLabel="Turning on…"
            onClick={() => {
              turnOff.reset();
              turnOn.mutate(config.data!.publicKey!);
            }}
          >
            Turn on push on this device
          </Button>
        </div>
      )}
      {state === 'on' && (
        <div className="form__actions">
          <Button
            variant="secondary"
            busy={busy}
            busyLabel="Turning off…"
            onClick={() => {
              turnOn.reset();
              turnOff.mutate();
            }}
          >
            Turn off push on this device
          </Button>
        </div>
      )}
      <ErrorBanner>{error ? messageOf(error) : undefined}</ErrorBanner>
    </section>
  );
}
