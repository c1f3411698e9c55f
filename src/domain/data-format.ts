/**
 * What a cell of the offline data directory's CSV files may hold, for the
 * reader (providers/files/) and the published schema of quotes.csv
 * (config/quotes-schema.ts) alike.
 */

/** A number cell: plain decimal, optional sign and exponent (`0.4`, `-12`, `1.9e10`); no thousands separators. */
export const NUMBER_CELL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A cell that says "unknown" as plainly as an empty one. */
export const NULL_CELL = /^(null|nan|n\/a|-)$/i;
