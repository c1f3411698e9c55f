/**
 * The package as people install it: `npm pack` (of the dist/ that npm test
 * built), the tarball installed into an empty project from the npm registry,
 * and there the command (`npx basket compare`) and the library (`import {
 * compare } from 'basket'`, type-checked against the shipped .d.ts) give the
 * repository's own figures. The tarball holds dist/, the demo data, the
 * schemas, README and LICENSE, and nothing else.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { BIN, ROOT } from '../helpers/bin.js';

const run = promisify(execFile);
const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

let project = '';
let files: string[] = [];

const made: string[] = [];
const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  const out = await tempDir('basket-pack-');
  // dist/ is npm test's build: pack it as it is (no prepare, which would rebuild under the other tests)
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT, env });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  files = (packed?.files ?? []).map((f) => f.path).sort();
  project = await tempDir('basket-project-');
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-basket', private: true, type: 'module' }));
  await run('npm', ['install', '--no-save', path.join(out, packed?.filename as string)], { cwd: project, env, timeout: 240_000 });
}, 300_000);

describe('the installed package', () => {
  it('holds dist/, the demo data, the schemas, README and LICENSE, and no tests, other fixtures or source maps', () => {
    for (const f of ['dist/cli/basket.js', 'dist/cli/api.js', 'dist/src/api.d.ts', 'fixtures/demo/quotes.csv', 'fixtures/demo/prices/AAPL.csv', 'schema/claims.schema.json', 'schema/check.schema.json', 'README.md', 'LICENSE', 'package.json']) {
      expect(files, f).toContain(f);
    }
    const stray = files.filter((f) => !/^(dist\/cli\/|dist\/src\/.*\.d\.ts$|fixtures\/demo\/|schema\/|README\.md$|LICENSE$|package\.json$)/.test(f) || f.endsWith('.map') || f.startsWith('test/'));
    expect(stray).toEqual([]);
  });

  it('runs `npx basket compare` on its own demo data to the repository\'s figures', async () => {
    const demo = path.join(project, 'node_modules', 'basket', 'fixtures', 'demo');
    const args = ['compare', '--data', demo, '--as-of', '2025-03-07', '--format', 'json'];
    const { stdout } = await run('npx', ['--no-install', 'basket', ...args], { cwd: project, env });
    const mine = (await run(process.execPath, [BIN, ...args], { cwd: ROOT })).stdout;
    const figures = (r: Report) => r.baskets.map((b) => [b.id, b.return, b.forwardPE, b.marketValueChange]);
    expect(figures(JSON.parse(stdout) as Report)).toEqual(figures(JSON.parse(mine) as Report));
  });

  it("computes the titans' return through `import { compare } from 'basket'`, typed", async () => {
    const script = `import { compare, BasketError } from 'basket';
const report = await compare({ data: 'node_modules/basket/fixtures/demo', asOf: '2025-03-07', baskets: ['titans'] });
const titans: number | null = report.baskets[0]?.return ?? null;
console.log(JSON.stringify({ titans, error: BasketError.name }));
`;
    await writeFile(path.join(project, 'main.ts'), script);
    await writeFile(path.join(project, 'main.mjs'), script.replace(': number | null', ''));
    await writeFile(path.join(project, 'tsconfig.json'), JSON.stringify({
        // a Node project's usual set-up: Node's types (the repository's @types/node), every .d.ts checked
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules', '@types')] },
        files: ['main.ts'],
      }));
    // the shipped .d.ts files check with the repository's TypeScript
    await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, env });
    const { stdout } = await run(process.execPath, ['main.mjs'], { cwd: project, env });
    const mine = JSON.parse((await run(process.execPath, [BIN, 'compare', 'titans', '--data', 'fixtures/demo', '--as-of', '2025-03-07', '--format', 'json'], { cwd: ROOT })).stdout) as Report;
    expect(JSON.parse(stdout)).toEqual({ titans: mine.baskets[0]?.return, error: 'BasketError' });
  });

  it('reaches nothing but the package entry', async () => {
    const deep = await run(process.execPath, ['--input-type=module', '-e', "import('basket/dist/src/run.js').then(() => console.log('reached'), (e) => console.log(e.code))"], { cwd: project, env });
    expect(deep.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
