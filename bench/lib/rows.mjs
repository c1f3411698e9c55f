/**
 * One result row per scenario: the measured figure (median, min–max), the
 * baseline measured in the same run, their ratio, the target and whether it
 * is met. Diagnostic rows carry no target.
 */

/**
 * @param {object} r
 * @param {string} r.id           stable id (the smoke test looks for these)
 * @param {string} r.scenario     what was run
 * @param {{median:number|null,min:number|null,max:number|null,n:number}} r.value
 * @param {string} r.unit         ms | MB | RTT | ms/Mbar | ×
 * @param {{label:string, median:number|null, min?:number|null, max?:number|null, unit:string}|null} r.baseline
 * @param {number|null} r.ratio   value ÷ baseline (or as the target defines it)
 * @param {string} r.target       the target, as the issue states it
 * @param {boolean|null} r.met    null: not measured, or a diagnostic
 * @param {string} [r.detail]     what else the run showed
 */
export function row(r) {
  return { detail: '', diagnostic: false, ...r };
}

export const notMeasured = (value = null) => ({ median: value, min: value, max: value, n: 0 });

/** A row for a scenario that could not run (timed out, crashed): reported, never met. */
export function failedRow(id, scenario, target, why) {
  return row({ id, scenario, value: notMeasured(), unit: 'ms', baseline: null, ratio: null, target, met: false, detail: why });
}
