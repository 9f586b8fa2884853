/**
 * A small Nelder-Mead minimiser for the smoothing parameters (2–4 unconstrained dimensions;
 * callers map them into their bounds). No maintained JS library fits ETS models (the
 * `forecast`/statsforecast quality ones are R/Python), so the fit is done here.
 */
export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  { step = 1, maxEvaluations = 120 * start.length, tolerance = 1e-7 } = {},
): Minimum {
  const n = start.length;
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  const simplex: { x: number[]; v: number }[] = [{ x: [...start], v: value([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i]! += step;
    simplex.push({ x, v: value(x) });
  }
  const along = (from: number[], to: number[], t: number) =>
    from.map((a, i) => a + t * (to[i]! - a));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + 1e-12)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d]! += simplex[i]!.x[d]! / n;
    const reflected = along(centroid, worst.x, -1);
    const rv = value(reflected);
    if (rv < best.v) {
      const expanded = along(centroid, worst.x, -2);
      const ev = value(expanded);
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: rv };
    } else {
      const outside = rv < worst.v;
      const contracted = along(centroid, outside ? reflected : worst.x, 0.5);
      const cv = value(contracted);
      if (cv < (outside ? rv : worst.v)) simplex[n] = { x: contracted, v: cv };
      else
        for (let i = 1; i <= n; i++) {
          const x = along(best.x, simplex[i]!.x, 0.5);
          simplex[i] = { x, v: value(x) };
        }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
