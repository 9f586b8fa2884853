/**
 * Long JavaScript loops on the request thread (forecasting hundreds of series, grouping
 * hundreds of thousands of rows) give the event loop a turn whenever `sliceMs` of work has
 * gone by: `const breathe = breather(); for (...) { await breathe(); ... }`. A liveness probe
 * or another store's request then waits one slice at most, not the whole loop.
 */
export function breather(sliceMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
