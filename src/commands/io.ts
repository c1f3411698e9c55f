/**
 * What a command runs in: the process's streams, environment and directory
 * (`Io`), and the seams tests replace (`Deps`). bin/ hands in the real ones;
 * tests a fake io and a fixed clock.
 */

export interface Output {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
  /** A terminal's size, for the chart. */
  readonly columns?: number | undefined;
  readonly rows?: number | undefined;
}

export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface Deps {
  readonly now: () => Date;
  /** The HTTP seam for the Yahoo provider (tests replay recorded answers). */
  readonly fetch?: typeof fetch;
  /** How the Yahoo provider waits between retries (tests wait for nothing). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The user's config directory; default from the platform's conventions. */
  readonly userConfigDir?: string | null;
  /** The market-data cache directory; default BASKET_CACHE_DIR, else the platform's cache directory. */
  readonly cacheDir?: string;
  /** Takes work that may finish after the result is out (cache writes); main() sets it, and waits for the work before it returns. */
  readonly later?: (work: Promise<void>) => void;
  /** The running Node's version, checked before Yahoo Finance is used (bin/ gives process.versions.node; absent: not checked). */
  readonly nodeVersion?: string;
}
