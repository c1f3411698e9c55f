/**
 * The cache's command-line settings, read and checked: where it lives,
 * `--offline` / `--refresh`, `--max-age`.
 */
import { UsageError } from '../../errors.js';
import type { CacheMode } from './provider.js';

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `15m`, `2h`, `1d` or `0` → milliseconds; anything else is a usage error naming `flag`. */
export function parseDuration(text: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd])?\s*$/i.exec(text);
  const amount = m ? Number(m[1]) : Number.NaN;
  const unit = m?.[2]?.toLowerCase();
  if (!m || !Number.isFinite(amount) || (unit === undefined && amount !== 0)) {
    throw new UsageError(`${flag} must be a duration such as 90s, 15m, 2h or 1d, got "${text}"`);
  }
  return unit === undefined ? 0 : amount * (UNITS[unit] as number);
}

/** `--timeout` in seconds (a positive number) → milliseconds. */
export function parseTimeout(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${text}"`);
  return n * 1000;
}

/** The mode `--offline` / `--refresh` ask for; both at once, or either with an offline data directory, is a usage error. */
export function cacheMode(flags: { offline?: boolean; refresh?: boolean }, data: string): CacheMode {
  if (flags.offline && flags.refresh) throw new UsageError('--offline and --refresh cannot be used together');
  const mode: CacheMode = flags.offline ? 'offline' : flags.refresh ? 'refresh' : 'default';
  if (mode !== 'default' && data !== 'yahoo') {
    throw new UsageError(`--${mode} applies to Yahoo Finance data and its cache, not to the data directory ${data}`);
  }
  return mode;
}
