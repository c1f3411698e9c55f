/**
 * `basket compare`: the flags become a request, run.ts answers it with a
 * report, the notes go to stderr, and the report is rendered in the format
 * asked for, to stdout or atomically to --output.
 */
import path from 'node:path';
import { EXIT_OK, UsageError } from '../errors.js';
import type { Report } from '../report/types.js';
import type { CsvOptions } from '../render/csv.js';
import { closest } from '../config/suggest.js';
import { runCompare, type CompareRequest } from '../run.js';
import { withContext } from './context.js';
import { toCompareRequest, type AnalysisFlags, type CommonFlags } from './flags.js';
import type { ReportFormat } from './choices.js';
import type { Deps, Io } from './io.js';
import { printIssues } from './notes.js';
import { decideColorLevel, loadChalk, newChalk, terminalWidth } from './terminal.js';
import { VERSION } from './version.js';

export interface CompareFlags extends CommonFlags, AnalysisFlags {
  format: ReportFormat;
  output?: string;
  strict?: boolean;
  sparklines?: boolean;
  explain?: boolean;
  /** --rows and --columns of --format csv, comma-separated. */
  rows?: string;
  columns?: string;
}

/** A comma-separated list of names, each one of `valid`; an unknown one is a usage error naming the closest valid one. */
export function namesFrom<T extends string>(text: string, valid: readonly T[], flag: string): T[] {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) throw new UsageError(`${flag} needs at least one name (choose from ${valid.join(', ')})`);
  for (const n of names) {
    if (!(valid as readonly string[]).includes(n)) {
      const near = closest(n, valid);
      throw new UsageError(`${flag}: unknown name "${n}"${near !== null ? ` (did you mean ${near}?)` : ''}; choose from ${valid.join(', ')}`);
    }
  }
  return names as T[];
}

/** compare's request: the analysis flags, the daily levels when the format draws them, and --strict. */
export function compareRequest(baskets: readonly string[], flags: CompareFlags): CompareRequest {
  return { ...toCompareRequest(baskets, flags, flags.format === 'html' || flags.sparklines === true), strict: flags.strict === true, explain: flags.explain === true };
}

export async function compareCommand(baskets: string[], flags: CompareFlags, io: Io, deps: Deps): Promise<number> {
  if ((flags.rows !== undefined || flags.columns !== undefined) && flags.format !== 'csv') {
    throw new UsageError(`--${flags.rows !== undefined ? 'rows' : 'columns'} chooses CSV rows and columns: add --format csv`);
  }
  const { CSV_COLUMNS, CSV_ROW_KINDS } = flags.format === 'csv' ? await import('../render/csv.js') : { CSV_COLUMNS: [], CSV_ROW_KINDS: [] };
  const csv = {
    ...(flags.rows !== undefined ? { rows: namesFrom(flags.rows, CSV_ROW_KINDS, '--rows') } : {}),
    ...(flags.columns !== undefined ? { columns: namesFrom(flags.columns, CSV_COLUMNS, '--columns') } : {}),
  };
  if (flags.format === 'html' && flags.output === undefined && io.stdout.isTTY === true) {
    throw new UsageError('--format html writes a whole web page: add --output FILE (or redirect stdout to a file)');
  }
  const request = compareRequest(baskets, flags);
  if (request.data === 'yahoo') prefetchRenderer(flags.format);
  const { report, incomplete } = await withContext(io, deps, flags, (ctx) => runCompare(request, ctx));
  printIssues(io, report.issues, flags.quiet);
  if (incomplete !== null) throw incomplete;
  if (flags.output === undefined) {
    io.stdout.write(await renderReport(report, flags, io, deps.now(), false, csv));
  } else {
    const { writeOutputFile } = await import('../io/output.js');
    await writeOutputFile(path.resolve(io.cwd, flags.output), await renderReport(report, flags, io, deps.now(), true, csv), flags.output);
  }
  return EXIT_OK;
}

/**
 * Starts loading what rendering `format` takes, so that a run waiting on the
 * network loads it meanwhile instead of after its last answer. (Modules load
 * once: renderReport() then finds them loaded.)
 */
function prefetchRenderer(format: ReportFormat): void {
  const loading = format === 'table' ? [import('../render/table.js'), loadChalk()] : format === 'json' ? [import('../render/json.js')] : format === 'csv' ? [import('../render/csv.js')] : [];
  for (const module of loading) module.catch(() => undefined); // renderReport() reports a failure, if any
}

/** The report in `flags.format`; `toFile`: for --output, where a table is coloured only when --color asks and fits no terminal. */
async function renderReport(report: Report, flags: CompareFlags, io: Io, now: Date, toFile: boolean, csv: CsvOptions): Promise<string> {
  switch (flags.format) {
    case 'json':
      return (await import('../render/json.js')).renderJson(report);
    case 'csv':
      return (await import('../render/csv.js')).renderCsv(report, csv);
    case 'md':
      return (await import('../render/markdown.js')).renderMarkdown(report, { sparklines: flags.sparklines === true, generatedAt: now, version: VERSION });
    case 'html':
      return (await import('../render/html.js')).renderHtml(report, { generatedAt: now, version: VERSION });
    case 'table': {
      // a file is not a terminal: colour in it only when --color asks
      const level = toFile ? (flags.color === true ? decideColorLevel(true, io.env, false) : 0) : decideColorLevel(flags.color, io.env, io.stdout.isTTY === true);
      const chalk = await newChalk(level);
      return (await import('../render/table.js')).renderTable(report, { chalk, sparklines: flags.sparklines === true, columns: toFile ? null : terminalWidth(io) });
    }
  }
}
