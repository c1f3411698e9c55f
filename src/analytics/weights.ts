/**
 * Target weights of a basket's members. Pure. Weights are fractions summing
 * to 1 over the members that take part; a member without what its scheme
 * needs gets `null` and is left out, never weighted 0 silently.
 */


/** Equal weights, `1/n` over the n members marked usable. */
export function equalWeights(usable: readonly boolean[]): (number | null)[] {
  const n = usable.filter(Boolean).length;
  return usable.map((u) => (u && n > 0 ? 1 / n : null));
}

/**
 * Weights proportional to `values` (market values at the start, for cap
 * weights): `vᵢ / Σ v` over the members with a positive value. Members with
 * `null` (or a non-positive value) get `null`.
 */
export function proportionalWeights(values: readonly (number | null)[]): (number | null)[] {
  let sum = 0;
  for (const v of values) if (v !== null && v > 0 && Number.isFinite(v)) sum += v;
  return values.map((v) => (v !== null && v > 0 && Number.isFinite(v) && sum > 0 ? v / sum : null));
}

/**
 * Given weights rescaled to sum to 1 over the usable members:
 * `wᵢ / Σ w` over those with `usable[i]` (config weights when a member has no data).
 */
export function renormalisedWeights(weights: readonly number[], usable: readonly boolean[]): (number | null)[] {
  if (weights.length !== usable.length) throw new RangeError('weights and members differ in length');
  let sum = 0;
  weights.forEach((w, i) => {
    if (usable[i]) sum += w;
  });
  return weights.map((w, i) => (usable[i] && sum > 0 ? w / sum : null));
}
