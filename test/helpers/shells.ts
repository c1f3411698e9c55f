/**
 * Real shells for the completion tests: a `basket` on PATH that runs the
 * built executable, a user config with one more basket, and the candidates
 * bash, zsh and fish offer for a command line. zsh and fish are system
 * packages (`.ci/run` installs them); a missing shell fails the test and says
 * so, it never passes silently.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { BIN } from './bin.js';
import { makeTempDir } from './tmp.js';

export const run = promisify(execFile);

const ZSH_DRIVER = fileURLToPath(new URL('./zsh-complete.zsh', import.meta.url));

/** Fails, naming the package, when `shell` is not installed. */
export async function requireShell(shell: 'bash' | 'zsh' | 'fish'): Promise<void> {
  const found = await run('sh', ['-c', `command -v ${shell}`]).then(
    () => true,
    () => false,
  );
  expect(found, `${shell} is not installed: install the system package "${shell}" (.ci/run does) to run this test`).toBe(true);
}

export interface ShellEnvironment {
  readonly dir: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A directory for PATH with a `basket` that runs the built executable, and a user config with one more basket. */
export async function shellEnvironment(): Promise<ShellEnvironment> {
  expect(existsSync(BIN), `${BIN} is missing: run npm run build (npm test does)`).toBe(true);
  const dir = await makeTempDir('basket-completion-');
  const bin = path.join(dir, 'bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'basket'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  await chmod(path.join(bin, 'basket'), 0o755);
  await mkdir(path.join(dir, 'xdg', 'basket'), { recursive: true });
  await writeFile(path.join(dir, 'xdg', 'basket', 'config.yaml'), 'baskets:\n  chips:\n    symbols: [NVDA, AMD, TSM]\n');
  await writeFile(path.join(dir, 'other.yaml'), 'baskets:\n  oil:\n    symbols: [XOM, CVX]\n');
  const cwd = path.join(dir, 'empty');
  await mkdir(cwd);
  const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'xdg'), LANG: 'C', TERM: 'xterm' };
  return { dir, cwd, env };
}

const sortedUnique = (lines: string[]) => [...new Set(lines.filter((l) => l !== ''))].sort();

/**
 * What bash offers for each line, sorted: the script sourced in a real bash,
 * COMP_WORDS / COMP_CWORD set as readline would (a line ending in a space
 * completes an empty word), the completion function called, COMPREPLY read back.
 */
export async function bashComplete(script: string, lines: string[]): Promise<string[][]> {
  const { dir, cwd, env } = await shellEnvironment();
  const file = path.join(dir, 'basket.bash');
  await writeFile(file, script);
  const calls = lines
    .map((line) => line.split(' '))
    .map((words) => `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _basket; printf '%s\\n' "\${COMPREPLY[*]}"`)
    .join('\n');
  const { stdout, stderr } = await run('bash', ['--norc', '--noprofile', '-c', `source '${file}'\n${calls}`], { cwd, env });
  expect(stderr).toBe('');
  return stdout
    .split('\n')
    .slice(0, lines.length)
    .map((l) => sortedUnique(l.split(' ')));
}

/**
 * What zsh's completion system offers for each line (a Tab typed at its
 * end), sorted: the script is loaded by compinit from `$fpath` in an
 * interactive zsh in a pseudo-terminal (see zsh-complete.zsh).
 */
export async function zshComplete(script: string, lines: string[]): Promise<string[][]> {
  const { dir, cwd, env } = await shellEnvironment();
  const fpath = path.join(dir, 'zfunc');
  await mkdir(fpath);
  await writeFile(path.join(fpath, '_basket'), script);
  const out: string[][] = [];
  for (const line of lines) {
    const { stdout, stderr } = await run('zsh', ['-f', ZSH_DRIVER, fpath, line], { cwd, env, timeout: 20_000 });
    expect(stderr).toBe('');
    out.push(sortedUnique(stdout.split('\n')));
  }
  return out;
}

/** What fish offers for each line (`complete -C`, fish's own completion engine), sorted, descriptions dropped. */
export async function fishComplete(script: string, lines: string[]): Promise<string[][]> {
  const { dir, cwd, env } = await shellEnvironment();
  const file = path.join(dir, 'basket.fish');
  await writeFile(file, script);
  const out: string[][] = [];
  for (const line of lines) {
    const { stdout, stderr } = await run('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', file, line], { cwd, env, timeout: 20_000 });
    expect(stderr).toBe('');
    out.push(sortedUnique(stdout.split('\n').map((l) => l.split('\t')[0] as string)));
  }
  return out;
}
