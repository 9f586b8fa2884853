/**
 * Receipt numbers for sales rung up while the server cannot be reached: `OFF-<device>-<n>`,
 * the device a random four-character id kept in this browser, n counting up on it. The
 * server gives the sale its real number (S-000123) when it accepts it; the till then shows
 * which provisional number became which (sale-messages.tsx). Two devices cannot collide
 * (different ids); one device's tabs share the counter (localStorage).
 */
const DEVICE_KEY = 'nimbus-till-device';
const COUNTER_KEY = 'nimbus-till-offline-receipts';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function deviceId(): string {
  const kept = localStorage.getItem(DEVICE_KEY);
  if (kept && /^[A-Z2-9]{4}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  const made = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  localStorage.setItem(DEVICE_KEY, made);
  return made;
}

export function nextProvisionalNumber(): string {
  try {
    const n = (Number(localStorage.getItem(COUNTER_KEY)) || 0) + 1;
    localStorage.setItem(COUNTER_KEY, String(n));
    return `OFF-${deviceId()}-${n}`;
  } catch {
    // No storage: still unique enough to tell this tab's receipts apart.
    return `OFF-${Date.now().toString(36).toUpperCase()}`;
  }
}
