/** `basket snapshot`: a comparison's data frozen into an offline data directory, written by run.ts. */
import path from 'node:path';
import { EXIT_OK } from '../errors.js';
import { runSnapshot, type SnapshotRequest } from '../run.js';
import { withContext } from './context.js';
import { currencyOf, type CommonFlags, type DataFlags } from './flags.js';
import type { Deps, Io } from './io.js';
import { printIssues } from './notes.js';

export interface SnapshotFlags extends CommonFlags, DataFlags {
  out: string;
  force?: boolean;
  currency?: string;
}

/** snapshot's request: the baskets and window, the FX a later --currency needs, and the directory (resolved against `cwd`). */
export function snapshotRequest(baskets: readonly string[], flags: SnapshotFlags, cwd: string): SnapshotRequest {
  const currency = currencyOf(flags);
  return { baskets, data: flags.data, from: flags.from, asOf: flags.asOf, currency, out: { dir: path.resolve(cwd, flags.out), force: flags.force === true } };
}

export async function snapshotCommand(baskets: string[], flags: SnapshotFlags, io: Io, deps: Deps): Promise<number> {
  const request = snapshotRequest(baskets, flags, io.cwd);
  const snap = await withContext(io, deps, flags, (ctx) => runSnapshot(request, ctx));
  printIssues(io, snap.issues, flags.quiet);
  if (!flags.quiet) {
    io.stderr.write(`basket: wrote ${snap.series.length} price series and ${snap.quotes.length} quotes (${snap.window.historyStart} to ${snap.window.asOf}) to ${flags.out}\n`);
  }
  return EXIT_OK;
}
