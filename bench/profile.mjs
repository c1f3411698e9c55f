/**
 * Profile one basket command and summarise where its time goes:
 *
 *   node bench/profile.mjs [--top 25] [--out DIR] [--unbundled] -- compare my.txt --data DIR …
 *   node bench/profile.mjs --summarise FILE.cpuprofile
 *
 * Runs `node --cpu-prof dist/cli/basket.js …` (the bundled command users run)
 * and prints the functions with the most self time (file:line), the most
 * inclusive time, and self time by file and by package. The bundle inlines
 * the dependencies, so its files are chunks: --unbundled profiles tsc's
 * dist/bin/basket.js instead, with a file per source module and package.
 * Also an importable summariseProfile(file).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './lib/measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `file:///…/node_modules/zod/v4/core/schemas.js` → `zod/v4/core/schemas.js`; project files relative to the root. */
function shortUrl(url) {
  if (!url) return '(native)';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) return file.slice(nm + 'node_modules/'.length);
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

function packageOf(short) {
  if (short.startsWith('dist/')) return 'basket (dist)';
  if (short.startsWith('node:') || short === '(native)' || !short.includes('/')) return short.startsWith('node:') ? 'node internals' : '(native/gc/idle)';
  const parts = short.split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Self and inclusive milliseconds per function, file and package of a .cpuprofile. */
export function summariseProfile(file, top = 25) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map();
  for (let i = 0; i < prof.samples.length; i++) selfMs.set(prof.samples[i], (selfMs.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const keyOf = (n) => {
    const cf = n.callFrame;
    return `${cf.functionName || '(anonymous)'} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
  };
  const self = new Map();
  const inclusive = new Map();
  const byFile = new Map();
  const byPackage = new Map();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    const short = shortUrl(node.callFrame.url);
    const name = node.callFrame.functionName;
    const special = name === '(garbage collector)' || name === '(idle)' || name === '(program)' ? name : null;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + ms);
    byFile.set(special ?? short, (byFile.get(special ?? short) ?? 0) + ms);
    const pkg = special ?? packageOf(short);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    // inclusive: each distinct function on the stack once
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const topOf = (m, n = top) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10, share: ms / total }));
  return { totalMs: Math.round(total), self: topOf(self), inclusive: topOf(inclusive), files: topOf(byFile, 15), packages: topOf(byPackage, 15) };
}

export function formatSummary(s) {
  const pct = (x) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const block = (title, rows) => [`${title}`, ...rows.map((r) => `  ${String(r.ms).padStart(9)} ms ${pct(r.share)}  ${r.name}`)].join('\n');
  return [
    `sampled ${s.totalMs} ms`,
    block('self time by package', s.packages),
    block('self time by file', s.files),
    block('self time by function', s.self),
    block('inclusive time by function', s.inclusive),
  ].join('\n\n');
}

/** Run basket under --cpu-prof; returns the profile's path. */
export function profileBasket(args, { outDir = mkdtempSync(path.join(tmpdir(), 'basket-prof-')), env = process.env, cwd = ROOT, unbundled = false } = {}) {
  const bin = unbundled ? path.join(ROOT, 'dist/bin/basket.js') : BIN;
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, bin, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) process.stderr.write(`basket exited ${r.status}: ${String(r.stderr).split('\n').slice(-3).join('\n')}\n`);
  const file = readdirSync(outDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${outDir}`);
  return path.join(outDir, file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  let top = 25;
  let outDir;
  let summarise = null;
  let unbundled = false;
  while (argv.length > 0 && argv[0] !== '--') {
    const flag = argv.shift();
    if (flag === '--top') top = Number(argv.shift());
    else if (flag === '--out') outDir = path.resolve(argv.shift());
    else if (flag === '--summarise') summarise = path.resolve(argv.shift());
    else if (flag === '--unbundled') unbundled = true;
    else throw new Error(`unknown option ${flag}`);
  }
  argv.shift();
  const file = summarise ?? profileBasket(argv, { ...(outDir ? { outDir } : {}), unbundled });
  process.stdout.write(`${file}\n\n${formatSummary(summariseProfile(file, top))}\n`);
}
