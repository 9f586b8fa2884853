interface Waiter {
  key: string;
  resolve: () => void;
  timer?: NodeJS.Timeout;
}

/** Why a task could not start: its key's slots were taken, or the process's. */
export type Full = 'key' | 'total';

/**
 * Caps how many async tasks run at once per key (a store) and in all; the rest wait in
 * order of arrival, each at most `maxWaitMs`, after which `refuse` says what to throw. A slot
 * that frees goes to the first waiter that fits, before any newcomer.
 */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: { perKey: number; total?: number }) {}

  private fits(key: string) {
    return (
      (this.active.get(key) ?? 0) < this.limits.perKey &&
      this.running < (this.limits.total ?? Infinity)
    );
  }

  private take(key: string) {
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    this.running++;
  }

  private give(key: string) {
    const left = (this.active.get(key) ?? 1) - 1;
    if (left) this.active.set(key, left);
    else this.active.delete(key);
    this.running--;
    for (let i = 0; i < this.waiting.length;) {
      const w = this.waiting[i]!;
      if (!this.fits(w.key)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      clearTimeout(w.timer);
      this.take(w.key);
      w.resolve();
    }
  }

  async run<T>(
    key: string,
    task: () => Promise<T>,
    opts: { maxWaitMs?: number; refuse?: (full: Full) => Error } = {},
  ): Promise<T> {
    if (this.fits(key)) this.take(key);
    else {
      const full: Full = (this.active.get(key) ?? 0) >= this.limits.perKey ? 'key' : 'total';
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { key, resolve };
        const { maxWaitMs = Infinity, refuse } = opts;
        if (Number.isFinite(maxWaitMs)) {
          waiter.timer = setTimeout(() => {
            this.waiting.splice(this.waiting.indexOf(waiter), 1);
            reject(refuse ? refuse(full) : new Error(`no slot free (${full})`));
          }, maxWaitMs);
        }
        this.waiting.push(waiter);
      });
    }
    try {
      return await task();
    } finally {
      this.give(key);
    }
  }

  /** Tasks running now for the key, or in all. */
  inFlight(key?: string): number {
    return key === undefined ? this.running : (this.active.get(key) ?? 0);
  }
}
