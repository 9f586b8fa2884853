/**
 * A small Nelder-Mead minimiser for the smoothing parameters (2–4 unconstrained dimensions;
 * callers map them into their bounds). No maintained JS library fits ETS models (the
 * `forecast`/statsforecast quality ones are R/Python), so the fit is done here.
 *
 * It runs a few thousand times per forecast, so it allocates only the points it tries: the
 * simplex stays sorted by insertion (n + 1 ≤ 5 vertices) and the centroid is one array.
 */
export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

interface Vertex {
  x: number[];
  v: number;
}

/** Moves the last vertex to its place in a simplex sorted by value, the best first. */
function reinsertLast(simplex: Vertex[]): void {
  let i = simplex.length - 1;
  const last = simplex[i]!;
  // (strictly lower: a tie keeps the older vertex ahead, as a stable sort would)
  while (i > 0 && simplex[i - 1]!.v > last.v) {
    simplex[i] = simplex[i - 1]!;
    i--;
  }
  simplex[i] = last;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  { step = 1, maxEvaluations = 120 * start.length, tolerance = 1e-7 } = {},
): Minimum {
  const n = start.length;
  let evaluations = 0;
  const vertex = (x: number[]): Vertex => {
    evaluations++;
    const v = f(x);
    return { x, v: Number.isFinite(v) ? v : Number.MAX_VALUE };
  };
  const simplex: Vertex[] = [vertex(start.slice())];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i]! += step;
    simplex.push(vertex(x));
  }
  simplex.sort((a, b) => a.v - b.v);
  const centroid = new Array<number>(n).fill(0);
  /** from + t·(to − from) */
  const along = (from: readonly number[], to: readonly number[], t: number) => {
    const x = new Array<number>(n);
    for (let d = 0; d < n; d++) x[d] = from[d]! + t * (to[d]! - from[d]!);
    return x;
  };
  while (evaluations < maxEvaluations) {
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + 1e-12)) break;
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d]! += simplex[i]!.x[d]! / n;
    const reflected = vertex(along(centroid, worst.x, -1));
    if (reflected.v < best.v) {
      const expanded = vertex(along(centroid, worst.x, -2));
      simplex[n] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < simplex[n - 1]!.v) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.v < worst.v;
      const contracted = vertex(along(centroid, outside ? reflected.x : worst.x, 0.5));
      if (contracted.v < (outside ? reflected.v : worst.v)) simplex[n] = contracted;
      else {
        for (let i = 1; i <= n; i++) simplex[i] = vertex(along(best.x, simplex[i]!.x, 0.5));
        simplex.sort((a, b) => a.v - b.v);
        continue;
      }
    }
    reinsertLast(simplex);
  }
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
