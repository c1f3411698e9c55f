/**
 * yahoo-finance2's cookie and crumb kept in the cache directory between runs
 * (src/providers/yahoo/session.ts), through the CLI and the fake Yahoo: a
 * later run that asks for quotes skips the handshake; the file is private,
 * replaced whole, set aside when damaged, renewed when Yahoo refuses its
 * crumb, never read with --offline, and removed by `basket cache clear`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRefusedSession } from '../../../src/providers/yahoo/failures.js';
import { clearSession, SESSION_FILE } from '../../../src/providers/yahoo/session.js';
import { runCli } from '../../helpers/cli.js';
import { createFakeYahoo } from '../../helpers/fake-yahoo.js';
import { makeTempDir } from '../../helpers/tmp.js';

const NOW = new Date('2025-03-18T09:00:00Z');
const LATER = new Date(NOW.getTime() + 60 * 60_000); // the quotes have expired (15 min), the settled history has not
const MAG7 = ['compare', 'mag7', '--as-of', '2025-03-07'];
const INVALID_CRUMB = {
  status: 401,
  statusText: 'Unauthorized',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ finance: { result: null, error: { code: 'Unauthorized', description: 'Invalid Crumb' } } }),
};

async function firstRun() {
  const cacheDir = await makeTempDir('basket-session-');
  const fake = createFakeYahoo();
  const r = await runCli(MAG7, { fetch: fake.fetch, cacheDir, now: NOW });
  expect(r.exitCode).toBe(0);
  expect(fake.count('handshake')).toBe(2);
  fake.requests.length = 0;
  return { cacheDir, fake, file: path.join(cacheDir, SESSION_FILE), first: r };
}

describe('the saved Yahoo session', () => {
  it('lets a later run that asks for quotes skip the handshake; the file is readable by its owner only', async () => {
    const { cacheDir, fake, file, first } = await firstRun();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain('"crumb"');
    const r = await runCli(MAG7, { fetch: fake.fetch, cacheDir, now: LATER });
    expect(r.exitCode).toBe(0);
    expect(fake.count('quote')).toBe(1);
    expect(fake.count('handshake')).toBe(0);
    expect(fake.requests.find((q) => q.kind === 'quote')?.url.searchParams.get('crumb')).toBe('fake-crumb');
    expect(r.stdout).toBe(first.stdout);
  });

  it('a damaged file: one warning, a new handshake, and a whole file again', async () => {
    const { cacheDir, fake, file } = await firstRun();
    await writeFile(file, '{"format":"basket-yahoo-sess');
    const r = await runCli(MAG7, { fetch: fake.fetch, cacheDir, now: LATER });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`basket: warning: the saved Yahoo Finance session ${file} was unusable (not valid JSON): discarded, starting a new one\n`);
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(fake.count('handshake')).toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'basket-yahoo-session', version: 1 });
  });

  it('a file of another kind is set aside the same way', async () => {
    const { cacheDir, fake, file } = await firstRun();
    await writeFile(file, JSON.stringify({ cookies: 'none' }));
    const r = await runCli(MAG7, { fetch: fake.fetch, cacheDir, now: LATER });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('was unusable (not a basket session file): discarded, starting a new one');
    expect(fake.count('handshake')).toBe(2);
  });

  it('a crumb Yahoo no longer takes: the session is renewed once and the quotes come through', async () => {
    const { cacheDir, fake, file } = await firstRun();
    await writeFile(file, (await readFile(file, 'utf8')).replace('fake-crumb', 'old-crumb'));
    fake.fault = (req) => (req.kind === 'quote' && req.url.searchParams.get('crumb') === 'old-crumb' ? INVALID_CRUMB : undefined);
    const r = await runCli([...MAG7, '--format', 'json'], { fetch: fake.fetch, cacheDir, now: LATER });
    expect(r.exitCode).toBe(0);
    expect(fake.requests.filter((q) => q.kind !== 'chart').map((q) => [q.kind, q.url.searchParams.get('crumb')])).toEqual([
      ['quote', 'old-crumb'],
      ['handshake', null],
      ['handshake', null],
      ['quote', 'fake-crumb'],
    ]);
    expect(r.stderr).not.toMatch(/stale|crumb|warning/i);
    expect(await readFile(file, 'utf8')).toContain('fake-crumb');
  });

  it('is neither read nor written with --offline', async () => {
    const { cacheDir, fake, file } = await firstRun();
    await writeFile(file, 'damaged');
    const r = await runCli([...MAG7, '--offline'], { fetch: fake.fetch, cacheDir, now: LATER });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toContain('session');
    expect(fake.requests).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe('damaged');
  });

  it('is removed by cache clear, and kept by cache clear SYMBOL…', async () => {
    const { cacheDir, file } = await firstRun();
    await writeFile(path.join(cacheDir, `.${SESSION_FILE}.tmp-1-abc`), 'left by a killed save');
    const some = await runCli(['cache', 'clear', 'AAPL'], { cacheDir });
    expect(some.stderr).toBe(`basket: removed 2 cache files from ${cacheDir}\n`);
    expect((await stat(file)).isFile()).toBe(true);
    const all = await runCli(['cache', 'clear'], { cacheDir });
    expect(all.exitCode).toBe(0);
    // the histories of the 6 members left and ^NDX, their 6 quotes, the session and its stray temporary file
    expect(all.stderr).toBe(`basket: removed 15 cache files from ${cacheDir}\n`);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('session helpers', () => {
  it('clearSession leaves other files alone and tolerates a missing directory', async () => {
    const dir = await makeTempDir('basket-session-');
    await writeFile(path.join(dir, SESSION_FILE), '{}');
    await writeFile(path.join(dir, 'other.json'), '{}');
    expect(await clearSession(dir)).toBe(1);
    expect(await clearSession(dir)).toBe(0);
    expect((await stat(path.join(dir, 'other.json'))).isFile()).toBe(true);
    expect(await clearSession(path.join(dir, 'nowhere'))).toBe(0);
  });

  it.each([
    [new Error('Invalid Crumb'), true],
    [new Error('Invalid Cookie'), true],
    [Object.assign(new Error('HTTP 401'), { name: 'HTTPError', code: 401 }), true],
    [Object.assign(new Error('HTTP 403'), { name: 'HTTPError', code: 403 }), true],
    [Object.assign(new Error('HTTP 429'), { name: 'HTTPError', code: 429 }), false],
    [new Error('No data found, symbol may be delisted'), false],
  ])('isRefusedSession(%s) is %s', (err, refused) => {
    expect(isRefusedSession(err)).toBe(refused);
  });
});
