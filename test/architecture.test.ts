/**
 * The house as ARCHITECTURE.md maps it, held in code: which folder of src/
 * may import which, where each package may be used, no module-level mutable
 * state, and no file much over 300 lines. Read from the sources as text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** Every .ts file under src/, relative to it. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.relative(SRC, path.join(dir, e.name))] : [],
  );
}

/** The part of the house a file belongs to: its folder under src/, or its own name at the top (`cli`, `run`, `errors`). */
const partOf = (file: string) => (file.includes('/') ? (file.split('/')[0] as string) : file.replace(/\.ts$/, ''));

interface Import {
  readonly from: string;
  readonly to: string;
  /** `import type` (erased at run time). */
  readonly typeOnly: boolean;
}

/** `import … from`, `export … from` (over several lines too), `import 'x'`, `import('x')` and `require…('x')`. */
const IMPORT = /^(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\w*\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({ from: file, to: (m[3] ?? m[4] ?? m[5] ?? m[6]) as string, typeOnly: m[2] !== undefined }));
}

const FILES = sources();
const IMPORTS = FILES.flatMap(importsOf);

/** The part of src/ an import reaches, or null for a package or node: module. */
function targetPart(i: Import): string | null {
  if (!i.to.startsWith('.')) return null;
  return partOf(path.relative(SRC, path.resolve(SRC, path.dirname(i.from), i.to)).replace(/\.js$/, '.ts'));
}

/** What each part may import at run time; `type:` entries only as types. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  errors: [],
  analytics: ['domain'],
  config: ['domain', 'errors'],
  io: ['errors'],
  providers: ['domain', 'errors', 'io'],
  report: ['analytics', 'domain', 'type:config', 'type:providers'],
  render: ['report', 'domain', 'type:analytics', 'type:config', 'type:providers'],
  run: ['config', 'providers', 'analytics', 'report', 'domain', 'errors'],
  check: ['run', 'config', 'providers', 'analytics', 'report', 'domain', 'errors'],
  commands: ['run', 'check', 'config', 'providers', 'analytics', 'report', 'render', 'domain', 'errors', 'io'],
  cli: ['commands', 'errors'],
  api: ['run', 'check', 'config', 'providers', 'report', 'render', 'domain', 'errors'],
};

/** Where each package may be imported (a part, or a file or folder of src/). */
const PACKAGE_HOMES: Readonly<Record<string, readonly string[]>> = {
  'yahoo-finance2': ['providers/yahoo/'],
  commander: ['cli.ts', 'commands/'],
  chalk: ['commands/terminal.ts', 'render/'],
  'cli-table3': [],
  'csv-parse': ['providers/files/'],
  'csv-stringify': ['providers/files/write.ts', 'render/'],
  'date-fns': ['domain/calendar.ts'],
  'env-paths': ['commands/', 'api.ts'],
  'string-width': ['render/width.ts'],
  'strip-ansi': ['render/width.ts'],
  yaml: ['config/', 'commands/init.ts'],
  zod: ['config/'],
};

describe('the house', () => {
  it('reads every source file', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(IMPORTS.length).toBeGreaterThan(200);
    expect(Object.keys(MAY_IMPORT).sort()).toEqual([...new Set(FILES.map(partOf))].sort());
  });

  it('each part imports only the parts ARCHITECTURE.md allows it', () => {
    const broken = IMPORTS.flatMap((i) => {
      const from = partOf(i.from);
      const to = targetPart(i);
      if (to === null || to === from) return [];
      const allowed = MAY_IMPORT[from] ?? [];
      return allowed.includes(to) || (i.typeOnly && allowed.includes(`type:${to}`)) ? [] : [`${i.from} imports ${i.to}${i.typeOnly ? ' (types)' : ''}`];
    });
    expect(broken).toEqual([]);
  });

  it('every dependency has a home', () => {
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).filter((d) => !(d in PACKAGE_HOMES))).toEqual([]);
  });

  it('each package is imported only in its home', () => {
    const broken = IMPORTS.flatMap((i) => {
      const pkg = Object.keys(PACKAGE_HOMES).find((p) => i.to === p || i.to.startsWith(`${p}/`));
      if (pkg === undefined) return [];
      return (PACKAGE_HOMES[pkg] ?? []).some((home) => i.from === home || i.from.startsWith(home)) ? [] : [`${i.from} imports ${i.to}`];
    });
    expect(broken).toEqual([]);
  });

  it('no module keeps mutable state at its top level (let, var, or a Map, Set or array not typed read-only or `as const`)', () => {
    const VARIABLE = /^(?:export\s+)?(?:let|var)\s+(\w+)/gm;
    const COLLECTION = /^(?:export\s+)?const\s+(\w+)(?:\s*:\s*([^=\n]+))?\s*=\s*(?:new\s+(?:Map|Set|WeakMap|WeakSet)\b|\[)/gm;
    const found = FILES.flatMap((file) => {
      const text = readFileSync(path.join(SRC, file), 'utf8');
      const variables = [...text.matchAll(VARIABLE)].map((m) => `${file}: let/var ${m[1]}`);
      const collections = [...text.matchAll(COLLECTION)].flatMap((m) => {
        const statement = text.slice(m.index, text.indexOf(';\n', m.index));
        return /readonly|Readonly/.test(m[2] ?? '') || /as const$/.test(statement.trimEnd()) ? [] : [`${file}: ${m[1]}`];
      });
      return [...variables, ...collections];
    });
    expect(found).toEqual([]);
  });

  it('no file passes ~300 lines', () => {
    const long = FILES.flatMap((file) => {
      const lines = readFileSync(path.join(SRC, file), 'utf8').split('\n').length;
      return lines > 320 ? [`${file}: ${lines} lines`] : [];
    });
    expect(long).toEqual([]);
  });
});
