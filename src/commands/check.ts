/**
 * `basket check FILE`: a claims file's claims, each with basket's figure and
 * a verdict. The flags become the command line's settings (what a claim and
 * the file's defaults leave open), check.ts answers, the notes go to stderr
 * and the result is rendered to stdout or atomically to --output. Exit 0 when
 * every claim holds, 5 when one does not or cannot be checked.
 */
import path from 'node:path';
import { runCheck, type CheckRequest } from '../check.js';
import { EXIT_CLAIMS, EXIT_OK, UsageError } from '../errors.js';
import type { CheckReport } from '../report/check-types.js';
import type { CheckFormat } from './choices.js';
import { withContext } from './context.js';
import { toCompareRequest, type AnalysisFlags, type CommonFlags } from './flags.js';
import type { Deps, Io } from './io.js';
import { printIssues } from './notes.js';
import { decideColorLevel, newChalk } from './terminal.js';


export interface CheckFlags extends CommonFlags, AnalysisFlags {
  format: CheckFormat;
  output?: string;
  /** `true` (no ids) or the claim ids given. */
  explain?: boolean | string[];
  minCoverage?: string;
}

/** --min-coverage: a fraction in (0, 1], or a percentage. */
export function parseCoverage(text: string): number {
  const t = text.trim();
  const n = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === '' || !Number.isFinite(n) || n <= 0 || n > 1) throw new UsageError(`--min-coverage must be a fraction above 0 and at most 1 (0.5) or a percentage (50%), got "${text}"`);
  return n;
}

export function checkRequest(file: string, flags: CheckFlags, cwd: string): CheckRequest {
  if (flags.weights === 'all') throw new UsageError('--weights all shows methods side by side in compare; a claim is checked under one: give equal, cap or config');
  if (flags.peMethod === 'all') throw new UsageError('--pe-method all shows methods side by side in compare; a claim is checked under one: give harmonic, median, mean or aggregate');
  if (flags.periods !== undefined) throw new UsageError('--periods is not a check option: give a claim `figure: period-return` with its `period`');
  const { baskets: _, data, ...commandLine } = toCompareRequest([], flags, false);
  return {
    file: path.resolve(cwd, file),
    shownFile: file,
    data,
    commandLine,
    ...(flags.minCoverage === undefined ? {} : { minCoverage: parseCoverage(flags.minCoverage) }),
    explain: Array.isArray(flags.explain) ? (flags.explain.length > 0 ? flags.explain : true) : flags.explain === true,
  };
}

async function render(check: CheckReport, flags: CheckFlags, io: Io, toFile: boolean): Promise<string> {
  const r = await import('../render/check.js');
  switch (flags.format) {
    case 'json':
      return r.renderCheckJson(check);
    case 'csv':
      return r.renderCheckCsv(check);
    case 'md':
      return r.renderCheckMarkdown(check);
    case 'table': {
      const level = toFile ? (flags.color === true ? decideColorLevel(true, io.env, false) : 0) : decideColorLevel(flags.color, io.env, io.stdout.isTTY === true);
      return r.renderCheckText(check, await newChalk(level));
    }
  }
}

/**
 * The claims file and the claim ids of --explain: `--explain [ids…]` before
 * the file takes the file as an id too (`check --explain story.yaml`), so a
 * value that reads as a file, not an id, is the file.
 */
export function fileAndIds(file: string | undefined, explain: CheckFlags['explain']): { file: string; explain: CheckFlags['explain'] } {
  if (file !== undefined) return { file, explain };
  const ids = Array.isArray(explain) ? explain : [];
  const named = ids.find((x) => /\.(ya?ml|json)$/i.test(x) || x.includes('/'));
  if (named === undefined) throw new UsageError("missing the claims file: basket check FILE (see 'basket check --help')");
  const rest = ids.filter((x) => x !== named);
  return { file: named, explain: rest.length > 0 ? rest : true };
}

export async function checkCommand(given: string | undefined, flags: CheckFlags, io: Io, deps: Deps): Promise<number> {
  const { file, explain } = fileAndIds(given, flags.explain);
  const request = checkRequest(file, { ...flags, explain }, io.cwd);
  const { check, issues } = await withContext(io, deps, flags, (ctx) => runCheck(request, ctx));
  printIssues(io, issues, flags.quiet);
  if (flags.output === undefined) io.stdout.write(await render(check, flags, io, false));
  else {
    const { writeOutputFile } = await import('../io/output.js');
    await writeOutputFile(path.resolve(io.cwd, flags.output), await render(check, flags, io, true), flags.output);
  }
  return check.summary.holds === check.claims.length ? EXIT_OK : EXIT_CLAIMS;
}
