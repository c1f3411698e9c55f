/** The fixed choices the command line offers, each also a type the command that reads it checks against. */

/** compare's `--format`. */
export const REPORT_FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The shells `basket completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
