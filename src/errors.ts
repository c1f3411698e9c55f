/**
 * Typed errors and their exit codes. `exitCodeFor` is the only mapping from a
 * failure to a process exit code; only `main()` catches everything and only
 * `bin/` sets `process.exitCode`.
 *
 * 0 ok · 1 internal bug · 2 usage, config or input-file error · 3 market data unavailable
 * · 4 incomplete data under --strict · 5 `check`: a claim does not hold or cannot be checked
 */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_DATA = 3;
export const EXIT_INCOMPLETE = 4;
/** `basket check`: every claim was read, and at least one does not hold or cannot be checked (a result, not a failure). */
export const EXIT_CLAIMS = 5;

export class BasketError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad command line: unknown option, unknown basket, a date that is not a date. */
export class UsageError extends BasketError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT_USAGE, options);
  }
}

/** A config file that cannot be read, parsed or validated. `where` is `file` or `file at path.in.it`. */
export class ConfigError extends BasketError {
  constructor(
    readonly file: string,
    readonly path: string | null,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`config error in ${file}${path ? ` at ${path}` : ''}: ${detail}`, EXIT_USAGE, options);
  }
}

/** An offline data file that cannot be read or parsed; names the file and line. */
export class DataFileError extends BasketError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`bad data file ${file}${line !== null ? `:${line}` : ''}: ${detail}`, EXIT_USAGE, options);
  }
}

/**
 * A claims file (`basket check`) that cannot be read, parsed or validated:
 * names the file, the claim (its id, else its place) and the field.
 */
export class ClaimsFileError extends BasketError {
  constructor(
    readonly file: string,
    readonly claim: string | null,
    readonly field: string | null,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    const where = [claim !== null ? `claim ${claim}` : null, field !== null ? `field ${field}` : null].filter((x) => x !== null).join(', ');
    super(`bad claims file ${file}${where ? ` (${where})` : ''}: ${detail}`, EXIT_USAGE, options);
  }
}

/** Market data could not be had at all (network down, Yahoo refusing, nothing in the window). */
export class MarketDataError extends BasketError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT_DATA, options);
  }
}

/**
 * The data source as a whole cannot be used right now (network down, Yahoo
 * refusing or not answering): a cache may stand in for it. `reason` is what
 * went wrong (`cannot reach Yahoo Finance (ENOTFOUND)`), as a note on data
 * the source could not give quotes it; the message adds `advice`, what the
 * user can do about it, for when the run stops.
 */
export class SourceUnavailableError extends MarketDataError {
  readonly reason: string;
  constructor(reason: string, options?: { advice?: string; cause?: unknown }) {
    super(options?.advice ? `${reason}: ${options.advice}` : reason, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.reason = reason;
  }
}

/** --strict: some member has no data, so the result would leave it out. */
export class IncompleteDataError extends BasketError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT_INCOMPLETE, options);
  }
}

/** The exit code for any thrown value: a BasketError's own, else 1 (an internal bug). */
export function exitCodeFor(err: unknown): number {
  return err instanceof BasketError ? err.exitCode : EXIT_INTERNAL;
}
