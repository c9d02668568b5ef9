/** Checks recorded post times against rate windows. */
import type { RateWindow } from '../../../bot/pacer';

/** The largest number of posts in any window of each period (half-open: (t - period, t]). */
export function worstWindows(
  times: readonly number[],
  windows: readonly RateWindow[],
): { periodMs: number; max: number; worst: number }[] {
  const sorted = [...times].sort((a, b) => a - b);
  return windows.map((w) => {
    let worst = 0;
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      while (sorted[start] <= sorted[end] - w.periodMs) start++;
      worst = Math.max(worst, end - start + 1);
    }
    return { periodMs: w.periodMs, max: w.max, worst };
  });
}
