import { useNetworkStatus } from '@/lib/network-status';

const messages = {
  offline:
    'You are offline. Sales rung up now are kept on this device and sent when the connection returns.',
  unreachable:
    'Cannot reach the Nimbus server. Retrying… Sales rung up now are kept on this device.',
} as const;

/** Says so when the connection is gone, instead of leaving buttons spinning. */
export function ConnectionBanner() {
  const status = useNetworkStatus();
  return (
    <div role="status" className="connection-banner-slot">
      {status !== 'online' && (
        <p className="connection-banner">
          <span className="connection-banner__dot" aria-hidden="true" />
          {messages[status]}
        </p>
      )}
    </div>
  );
}
