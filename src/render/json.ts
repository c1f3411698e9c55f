/** The JSON renderer: the Report as documented, pretty-printed, ending in a newline. */
import type { Report } from '../report/types.js';

export function renderJson(r: Report): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
