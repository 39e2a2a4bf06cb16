/**
 * An SVG path through the points `(xs[i], ys[i])`, broken where `ys[i]` is null (a month without a
 * rate is a gap, never a zero). Coordinates are rounded to 0.1 px: finer is invisible and makes the
 * path string, which dominates the DOM cost of a long series, twice as long.
 */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number | null>): string {
  let d = '';
  let pen = 'M';
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined) {
      pen = 'M';
      continue;
    }
    d += `${pen}${Math.round((xs[i] ?? 0) * 10) / 10},${Math.round(y * 10) / 10}`;
    pen = 'L';
  }
  return d;
}
