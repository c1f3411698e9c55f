/** "Did you mean …": the closest of some valid words to a word written wrong (pure). */

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: optimal string alignment distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => (rows[i] as number[])[j] as number;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(s.length, t.length);
}

/** How a key may be misspelt without being another word: `as_of` and `as of` for `as-of`, any case. */
const normalise = (word: string): string => word.toLowerCase().replace(/[\s_]/g, '-');

/** Longer text is not a mistyped key (and would cost length × length to compare). */
const MAX_WORD = 64;

/**
 * The candidate `written` is a typo of (at most a third of the longer word's
 * letters changed, at least one; the first of equals), else one it is the
 * start or a longer spelling of (`pe` for `pe-method`); else null.
 */
export function closest(written: string, candidates: readonly string[]): string | null {
  if (written.length > MAX_WORD) return null;
  const w = normalise(written);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(w, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== null && bestDistance <= Math.max(1, Math.floor(Math.max(w.length, best.length) / 3))) return best;
  return w.length >= 2 ? (candidates.find((c) => c.startsWith(w) || w.startsWith(c)) ?? null) : null;
}

/** `did you mean "expect"?`, or the valid words when none is near: one clause for a message. */
export function suggestion(written: string, candidates: readonly string[]): string {
  const near = closest(written, candidates);
  return near !== null ? `did you mean ${JSON.stringify(near)}?` : `expected one of ${candidates.join(', ')}`;
}
