/**
 * JSON outputs: the Report (compare), and the shape every JSON output shares,
 * `schemaVersion` first. Within a major schema version fields are only ever
 * added (README, "JSON output"); a field removed or changed in meaning is a
 * new version.
 */
import type { Report } from '../report/types.js';

/** The version of the shape of every JSON output basket writes. */
export const SCHEMA_VERSION = 1;

/** `value` as a JSON document: pretty-printed, `schemaVersion` first, ending in a newline. */
export function toJsonDocument(value: object): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...value }, null, 2)}\n`;
}

export function renderJson(r: Report): string {
  return toJsonDocument(r);
}
