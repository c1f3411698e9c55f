/**
 * On a Node older than 22.12 (a real Node 20 from the npm registry): `npm
 * test`'s first step stops with one line saying why; the basket command keeps
 * working on offline data, to the same figures, and refuses the Yahoo path in
 * one line (exit 2). Node 20 is taken from BASKET_OLD_NODE, else
 * ~/.node20, else installed there from the npm registry (`node@20`); when it
 * cannot be had, the tests fail and say so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/bin.js';
import { makeTempDir } from '../helpers/tmp.js';

const run = promisify(execFile);
const PREFIX = path.join(os.homedir(), '.node20');

async function oldNode(): Promise<string> {
  const given = process.env.BASKET_OLD_NODE;
  if (given) return given;
  const node = path.join(PREFIX, 'node_modules', '.bin', 'node');
  if (!existsSync(node)) {
    await run('npm', ['install', '--prefix', PREFIX, '--no-save', '--no-audit', '--no-fund', 'node@20'], { timeout: 240_000 }).catch((err: Error) => {
      throw new Error(`cannot get Node 20 from the npm registry into ${PREFIX} (set BASKET_OLD_NODE to a Node 20 binary): ${err.message.split('\n')[0]}`);
    });
  }
  return node;
}

async function exec(node: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(node, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), LANG: 'C', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('on Node 20', () => {
  let node20 = '';
  beforeAll(async () => {
    node20 = await oldNode();
    const version = (await exec(node20, ['--version'])).stdout.trim();
    expect(version, `${node20} is not Node 20`).toMatch(/^v20\./);
  }, 300_000);

  it("npm test's first step stops with one line: the Node found, the Node needed, and the two commands that get Node 24", async () => {
    const r = await exec(node20, ['scripts/check-node.mjs']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^basket: the tests need Node\.js >= 22\.12 \(this is Node 20\.\d+\.\d+\); get Node 24 with: npm install --prefix "\$HOME\/\.node24" --no-save node@24 && export PATH="\$HOME\/\.node24\/node_modules\/\.bin:\$PATH"\n$/);
    expect((await exec(process.execPath, ['scripts/check-node.mjs'])).code).toBe(0);
  });

  it('the basket command computes the demo comparison to the same figures as on Node 24', async () => {
    const args = [BIN, 'compare', '--data', 'fixtures/demo', '--as-of', '2025-03-07', '--format', 'json'];
    const old = await exec(node20, args);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stdout).toBe((await exec(process.execPath, args)).stdout);
  });

  it('refuses the Yahoo path in one line, exit 2, without touching the network', async () => {
    const cache = await makeTempDir('basket-cache-');
    const r = await exec(node20, [BIN, 'compare', '--as-of', '2025-03-07'], { BASKET_CACHE_DIR: cache });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^basket: Yahoo Finance needs Node\.js 22\.12 or later \(this is Node 20\.\d+\.\d+\): use --data DIR \(offline data\) or --offline \(the cache\), or get Node 24 \(README, Set-up\)\n$/);
  });
});
