/**
 * `compare --output FILE`: the result goes to FILE, written atomically
 * (temporary file beside it, fsync, rename), and stdout stays empty.
 * Failures inside the write are injected by wrapping node:fs/promises.
 */
import { mkdir, open, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeOutputFile } from '../../src/io/output.js';
import { DEMO_DIR, runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/tmp.js';

// The real functions, spied on, so that one test can make one call fail.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const mocked = { ...real, open: vi.fn(real.open), rename: vi.fn(real.rename) };
  return { ...mocked, default: mocked };
});

const DEMO = ['compare', '--data', DEMO_DIR, '--as-of', '2025-03-07'];
const ANSI = /\u001b\[/;
const eio = () => Object.assign(new Error("EIO: i/o error, write '/x'"), { code: 'EIO', errno: -5, syscall: 'write' });
const leftovers = async (dir: string) => (await readdir(dir)).filter((f) => f.includes('.tmp-'));

describe('compare --output', () => {
  it.each(['csv', 'json', 'table'])('writes to the file exactly what stdout would have held (%s), and nothing to stdout', async (format) => {
    const dir = await makeTempDir();
    const file = path.join(dir, `out.${format}`);
    const piped = await runCli([...DEMO, '--format', format]);
    const written = await runCli([...DEMO, '--format', format, '--output', file]);
    expect(piped.exitCode).toBe(0);
    expect(written.exitCode).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe(piped.stderr); // the notes still go to stderr
    expect(await readFile(file, 'utf8')).toBe(piped.stdout);
    expect(await readdir(dir)).toEqual([`out.${format}`]);
  });

  it('takes -o, and a path relative to the working directory', async () => {
    const dir = await makeTempDir();
    const r = await runCli([...DEMO, '--format', 'json', '-o', 'result.json', '--quiet'], { cwd: dir });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(JSON.parse(await readFile(path.join(dir, 'result.json'), 'utf8'))).toMatchObject({ asOf: '2025-03-07' });
  });

  it('writes a table without colour even from a terminal, unless --color is given', async () => {
    const dir = await makeTempDir();
    const plain = path.join(dir, 'plain.txt');
    const coloured = path.join(dir, 'coloured.txt');
    const onTerminal = await runCli([...DEMO, '--output', plain], { isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(onTerminal.exitCode).toBe(0);
    expect(await readFile(plain, 'utf8')).not.toMatch(ANSI);
    expect((await runCli([...DEMO, '--output', coloured, '--color'])).exitCode).toBe(0);
    expect(await readFile(coloured, 'utf8')).toMatch(ANSI);
  });

  it('replaces an existing file whole', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'out.csv');
    await writeFile(file, `${'old line that is longer than the new result\n'.repeat(10_000)}`);
    const r = await runCli([...DEMO, '--format', 'csv', '--output', file]);
    expect(r.exitCode).toBe(0);
    expect(await readFile(file, 'utf8')).toBe((await runCli([...DEMO, '--format', 'csv'])).stdout);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('exits 2 with one line when the directory does not exist, leaving nothing behind', async () => {
    const dir = await makeTempDir();
    const r = await runCli([...DEMO, '--format', 'csv', '--output', 'out/x.csv', '--quiet'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('basket: cannot write --output out/x.csv: ENOENT (no such directory)\n');
    expect(await readdir(dir)).toEqual([]);
  });

  it('exits 2 with one line when a parent is a file, or the target a directory', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'plain'), 'keep');
    await mkdir(path.join(dir, 'taken'));
    const underFile = await runCli([...DEMO, '--output', 'plain/x.csv', '--quiet'], { cwd: dir });
    expect(underFile.exitCode).toBe(2);
    expect(underFile.stderr).toBe('basket: cannot write --output plain/x.csv: ENOTDIR (a parent is not a directory)\n');
    const onDir = await runCli([...DEMO, '--output', 'taken', '--quiet'], { cwd: dir });
    expect(onDir.exitCode).toBe(2);
    expect(onDir.stderr).toBe('basket: cannot write --output taken: EISDIR (is a directory)\n');
    expect((await readdir(dir)).sort()).toEqual(['plain', 'taken']);
    expect(await readFile(path.join(dir, 'plain'), 'utf8')).toBe('keep');
    expect(await readdir(path.join(dir, 'taken'))).toEqual([]);
  });

  it('keeps the previous file whole when the write fails, with exit 2 and no stack trace', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'out.csv');
    await writeFile(file, 'previous\n');
    vi.mocked(rename).mockRejectedValueOnce(eio());
    const r = await runCli([...DEMO, '--format', 'csv', '--output', file, '--quiet']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`basket: cannot write --output ${file}: EIO (input/output error)\n`);
    expect(await readFile(file, 'utf8')).toBe('previous\n');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });
});

describe('writeOutputFile', () => {
  it('writes through a temporary file beside the target, then renames it over the target', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'x.txt');
    await writeFile(file, 'old');
    vi.mocked(rename).mockClear();
    await writeOutputFile(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(vi.mocked(rename)).toHaveBeenCalledTimes(1);
    const [from, to] = vi.mocked(rename).mock.calls[0] ?? [];
    expect(to).toBe(file);
    expect(path.dirname(String(from))).toBe(dir);
    expect(path.basename(String(from))).toMatch(new RegExp(`^\\.x\\.txt\\.tmp-${process.pid}-[0-9a-z]+$`));
    expect(await readdir(dir)).toEqual(['x.txt']);
  });

  it('removes the temporary file and keeps the old content when the rename fails', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'x.txt');
    await writeFile(file, 'old');
    vi.mocked(rename).mockRejectedValueOnce(eio());
    const failed = writeOutputFile(file, 'new', 'x.txt');
    await expect(failed).rejects.toThrow(UsageError);
    await expect(failed).rejects.toThrow('cannot write --output x.txt: EIO (input/output error)');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['x.txt']);
  });

  it('removes the temporary file and keeps the old content when writing or flushing fails', async () => {
    const { open: realOpen } = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    const dir = await makeTempDir();
    const file = path.join(dir, 'x.txt');
    await writeFile(file, 'old');
    for (const step of ['writeFile', 'sync'] as const) {
      vi.mocked(open).mockImplementationOnce(async (...args: Parameters<typeof realOpen>) => {
        const handle = await realOpen(...args);
        handle[step] = () => Promise.reject(eio());
        return handle;
      });
      await expect(writeOutputFile(file, 'new')).rejects.toThrow(/^cannot write --output .*x\.txt: EIO/);
      expect(await readFile(file, 'utf8')).toBe('old');
      expect(await readdir(dir)).toEqual(['x.txt']);
    }
  });

  it('fails with ENOTDIR when a parent is a file, creating nothing', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'plain'), 'keep');
    await expect(writeOutputFile(path.join(dir, 'plain', 'x.txt'), 'new', 'plain/x.txt')).rejects.toThrow(
      'cannot write --output plain/x.txt: ENOTDIR (a parent is not a directory)',
    );
    expect(await readdir(dir)).toEqual(['plain']);
  });
});
