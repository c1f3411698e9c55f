#!/usr/bin/env node
/**
 * The second step of `npm run build`: bundles the command that package.json's
 * `bin` names.
 *
 *   node scripts/bundle.mjs      (after tsc -p tsconfig.build.json)
 *
 * tsc writes dist/src/** and dist/bin/basket.js, which the tests and the
 * benchmarks import in-process; this bundles dist/bin/basket.js into
 * dist/cli/basket.js plus dist/cli/chunks/*.js, each dependency inlined.
 *
 * Why: most of a short run's start-up went to loading some 80 small modules
 * one at a time (resolving each, looking up its package.json, compiling),
 * not to their bytes. Rolldown is a well-kept bundler that is already in the
 * tree (vitest runs on it, through vite). Each lazy `import()` of the source
 * stays a chunk of its own, so `basket --help` still loads only the command
 * line, and a compare loads the renderer it prints with, and no other.
 *
 * yahoo-finance2 is bundled too, into chunks of its own that only the Yahoo
 * provider's modules import, on demand: a run that asks Yahoo loaded its ~80
 * modules from node_modules one by one (some 40 ms) before its first request
 * could go out, a wait no round trip overlaps.
 */
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'cli');
const ENTRY = path.join(ROOT, 'dist', 'bin', 'basket.js');

await stat(ENTRY).catch(() => {
  process.stderr.write(`bundle: ${path.relative(ROOT, ENTRY)} is missing: run tsc -p tsconfig.build.json first (npm run build does both)\n`);
  process.exit(1);
});

/**
 * A chunk's name, for people reading dist/cli or a stack trace: the module it
 * stands for (the one a lazy `import()` names, else the last of its modules,
 * which imports the others), as a path under src/ (`providers-cache-store`)
 * or a package (`yaml`).
 */
function chunkName(chunk) {
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1);
  if (id === null || id === undefined) return chunk.name;
  const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
  if (pkg) return pkg[1].replace(/[\\/]/g, '-').replace(/^@/, '');
  const src = path.relative(path.join(ROOT, 'dist', 'src'), id);
  return src.startsWith('..') ? chunk.name : src.replace(/\.js$/, '').split(path.sep).join('-');
}

/**
 * Node's built-in modules taken with `process.getBuiltinModule()` instead of
 * an `import`: an ESM import of a built-in builds a namespace of all its
 * exports, and for `node:process` that reads every lazy property of the
 * process object, which loads readline, the REPL's history, the diagnostic
 * report and fs/promises; `node:util` and `node:child_process` load streams,
 * net, dgram and worker_threads. About 5 ms of every run's start-up went to
 * that. getBuiltinModule returns the same module object (the same functions
 * the import would bind), with no namespace built.
 */
const IMPORT_BUILTIN = /^import (.+) from "(node:[a-z_/]+)";$/gm;

function builtinsWithoutNamespaces(code, fileName) {
  return code.replace(IMPORT_BUILTIN, (line, clause, id) => {
    if (id === 'node:process' && /^[\w$]+$/.test(clause)) return `const ${clause} = globalThis.process;`;
    const take = `globalThis.process.getBuiltinModule(${JSON.stringify(id)})`;
    const named = /^\{ ([\w$]+(?: as [\w$]+)?(?:, [\w$]+(?: as [\w$]+)?)*) \}$/.exec(clause);
    if (named) return `const { ${named[1].replace(/ as /g, ': ')} } = ${take};`;
    const whole = /^(?:\* as )?([\w$]+)$/.exec(clause);
    if (whole) return `const ${whole[1]} = ${take};`;
    throw new Error(`bundle: ${fileName}: an import of a built-in module this step does not rewrite: ${line}`);
  });
}

const result = await build({
  // `lib`: the same code as a module exporting main(), for in-process runs (the live benchmarks)
  // `api`: the library (package.json `exports`): compare, check, the renderers
  input: { basket: ENTRY, lib: path.join(ROOT, 'dist', 'src', 'cli.js'), api: path.join(ROOT, 'dist', 'src', 'api.js') },
  platform: 'node',
  // what the `run` group below needs (and Rolldown would otherwise set itself, with a warning on every build):
  // an entry may export more than its own module does, which no caller sees
  preserveEntrySignatures: 'allow-extension',
  // a clean build prints nothing: any warning fails it (npm install and npm test run it), instead of scrolling by
  onLog(level, log) {
    if (level === 'warn') throw new Error(`bundle: a build warning is an error here: [${log.code}] ${log.message}`);
  },
  output: {
    dir: OUT,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
    // the chunk names carry a content hash: last build's chunks would otherwise pile up
    cleanDir: true,
    // what every data command loads after the command line (its command, the pipeline: config, domain,
    // analytics, report, the renderers' shared parts) in one chunk instead of a dozen: each chunk costs a run a resolve, a read and
    // a link; only these modules, not what they import (errors.js stays with the command line)
    codeSplitting: {
      groups: [
        {
          name: 'run',
          includeDependenciesRecursively: false,
          test: /[\\/]dist[\\/]src[\\/](run|domain[\\/](?!options).*|analytics[\\/].*|report[\\/].*|config[\\/](load|presets|basket|list)|providers[\\/](provider|open|market-data|cache[\\/]options)|commands[\\/](compare|chart|snapshot|context|flags|notes|terminal)|render[\\/](describe|grids|format|sparkline))\.js$/,
        },
      ],
    },
  },
  plugins: [{ name: 'builtins-without-namespaces', renderChunk: (code, chunk) => builtinsWithoutNamespaces(code, chunk.fileName) }],
});

const chunks = result.output.filter((o) => o.type === 'chunk');
// the entry runs through its shebang (`./dist/cli/basket.js`), as npm's bin link does
for (const entry of chunks.filter((c) => c.isEntry && c.name === 'basket')) await chmod(path.join(OUT, entry.fileName), 0o755);
const kB = (n) => `${Math.round(n / 1000)} kB`;
const entry = chunks.find((c) => c.isEntry && c.name === 'basket');
const atStart = chunks.filter((c) => entry.imports.includes(c.fileName));
const total = chunks.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0);
process.stderr.write(
  `bundle: ${path.relative(ROOT, path.join(OUT, entry.fileName))} (${kB(Buffer.byteLength(entry.code))}, with ${atStart.length} chunks it imports) and ${chunks.length - 1 - atStart.length} chunks loaded on demand; ${kB(total)} in all\n`,
);
