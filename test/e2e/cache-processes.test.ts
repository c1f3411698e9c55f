/**
 * The cache across real processes: the built CLI, reaching the fake Yahoo
 * over TLS through a proxy (as in network.test.ts), with several
 * processes sharing one cache directory at once, and a process killed with
 * SIGKILL while it writes the cache. The next run must recover: same result,
 * every entry it finds whole.
 */
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheStore } from '../../src/providers/cache/store.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { startFakeYahoo, type FakeYahoo } from '../helpers/fake-yahoo-server.js';
import { makeTestCertificates } from '../helpers/tls.js';
import { BIN, ROOT } from '../helpers/bin.js';

const COMPARE = ['compare', '--as-of', '2025-03-07'];

let workDir = '';
let caFile = '';
let yahoo: FakeYahoo;
let proxy: ConnectProxy;
let dirs = 0;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'basket-cache-proc-'));
  const certs = await makeTestCertificates(workDir);
  caFile = certs.caFile;
  yahoo = await startFakeYahoo(certs);
  proxy = await startConnectProxy(yahoo.port);
});

afterAll(async () => {
  await Promise.all([yahoo?.close(), proxy?.close()]);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function newCacheDir(): Promise<string> {
  const dir = path.join(workDir, `cache-${++dirs}`);
  // made up front, so that both can be watched from the start
  await mkdir(path.join(dir, 'history'), { recursive: true });
  await mkdir(path.join(dir, 'quotes'), { recursive: true });
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The built CLI with its own minimal environment; `onStart` gets the child (to kill it). */
function basket(args: readonly string[], cacheDir: string, onStart?: (kill: () => void) => void): Promise<Run> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: workDir,
    LANG: 'C',
    NO_COLOR: '1',
    NODE_USE_ENV_PROXY: '1',
    HTTPS_PROXY: proxy.url,
    NODE_EXTRA_CA_CERTS: caFile,
    BASKET_CACHE_DIR: cacheDir,
  };
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  onStart?.(() => child.kill('SIGKILL'));
  const guard = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Every entry the cache holds is whole (read through the store's own checks); returns the count and stray temporary files. */
async function checkCache(dir: string): Promise<{ entries: number; strays: number }> {
  const warnings: string[] = [];
  const store = new CacheStore(dir, (w) => warnings.push(w));
  const info = await store.info();
  expect(info.files.filter((f) => f.problem !== null), 'unusable cache entries').toEqual([]);
  for (const f of info.files) {
    const entry = f.kind === 'history' ? await store.readHistory(f.symbol) : await store.readQuote(f.symbol);
    expect(entry, `${f.kind} ${f.symbol}`).not.toBeNull();
  }
  expect(warnings).toEqual([]);
  return { entries: info.files.length, strays: info.strayTempFiles };
}

describe('the cache shared by real processes', { timeout: 120_000 }, () => {
  let reference: Run;

  it('one process fills the cache; the reference result', async () => {
    const dir = await newCacheDir();
    reference = await basket(COMPARE, dir);
    expect(reference.code, reference.stderr).toBe(0);
    expect(reference.stdout).toContain('+42.8%');
    // 16 histories (HSTECH.HK remembered as unknown) and 14 quotes
    expect(await checkCache(dir)).toEqual({ entries: 31, strays: 0 });
  });

  it('four processes at once on one empty cache: all succeed with the same result, and every entry is whole', async () => {
    const dir = await newCacheDir();
    const runs = await Promise.all([1, 2, 3, 4].map(() => basket(COMPARE, dir)));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
    }
    expect(await checkCache(dir)).toEqual({ entries: 31, strays: 0 });
    // and the shared cache answers alone
    const offline = await basket([...COMPARE, '--offline'], dir);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout.split('\n').filter((l) => !l.startsWith('Stale data') && !l.startsWith('From '))).toEqual(
      reference.stdout.split('\n').filter((l) => !l.startsWith('From ')),
    );
  });

  it('a process killed with SIGKILL while writing the cache: the next run recovers, whatever the kill left', async () => {
    let killedMidWrite = 0;
    // kill after the 1st, 5th, 12th and 20th file event in the cache: early, middle and late in the burst of writes
    for (const after of [1, 5, 12, 20]) {
      const dir = await newCacheDir();
      let events = 0;
      const watchers: FSWatcher[] = [];
      const killed = await basket(COMPARE, dir, (kill) => {
        for (const sub of ['history', 'quotes']) {
          watchers.push(
            watch(path.join(dir, sub), () => {
              events += 1;
              if (events === after) kill();
            }),
          );
        }
      });
      for (const w of watchers) w.close();
      const left = await checkCache(dir);
      if (killed.signal === 'SIGKILL' && left.entries < 31) killedMidWrite += 1;
      // the next run: exit 0, the same result, the cache whole and complete
      const next = await basket(COMPARE, dir);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout).toBe(reference.stdout);
      expect(next.stderr).not.toMatch(/internal error|^\s+at /m);
      const after2 = await checkCache(dir);
      expect(after2.entries).toBe(31);
    }
    // the kills did land while the cache was being written, not before or after it
    expect(killedMidWrite).toBeGreaterThanOrEqual(2);
  });
});
