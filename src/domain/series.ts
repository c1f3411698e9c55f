/** Binary searches over a series' ascending day numbers, shared by every stage. */
import type { DayNumber } from './types.js';

/** Index of the last day strictly before `day` in ascending `days`, or -1. O(log n). */
export function lastIndexBefore(days: ArrayLike<DayNumber>, day: DayNumber): number {
  let lo = 0;
  let hi = days.length; // first index with days[i] >= day
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as DayNumber) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the last day on or before `day` in ascending `days`, or -1. O(log n). */
export function lastIndexOnOrBefore(days: ArrayLike<DayNumber>, day: DayNumber): number {
  let lo = 0;
  let hi = days.length; // first index with days[i] > day
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as DayNumber) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
