/**
 * `basket completion bash|zsh|fish`. The bash script is run in a real bash:
 * COMP_WORDS / COMP_CWORD set as readline would, the completion function
 * called, COMPREPLY read back; basket ids come from the built executable
 * through a `basket` shim on PATH (npm test builds dist/ first).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { completionScript, describeProgram } from '../../src/commands/completion.js';
import { fakeIo, runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/tmp.js';
import { BIN } from '../helpers/bin.js';

const run = promisify(execFile);

function program() {
  return buildProgram(fakeIo().io, { now: () => new Date() }, () => {});
}

/** Which shells are installed (zsh and fish are optional). */
async function has(shell: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${shell}`]);
    return true;
  } catch {
    return false;
  }
}

/** A directory for PATH with a `basket` that runs the built executable, and a user config with one more basket. */
async function environment() {
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
  const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'xdg'), LANG: 'C' };
  return { dir, cwd, env };
}

/** Complete `line` (words; the last is the one being typed) with the bash script; the candidates, sorted. */
async function bashComplete(script: string, lines: string[][]): Promise<string[][]> {
  const { dir, cwd, env } = await environment();
  const file = path.join(dir, 'basket.bash');
  await writeFile(file, script);
  const calls = lines
    .map((words) => `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _basket; printf '%s\\n' "\${COMPREPLY[*]}"`)
    .join('\n');
  const { stdout, stderr } = await run('bash', ['--norc', '--noprofile', '-c', `source '${file}'\n${calls}`], { cwd, env });
  expect(stderr).toBe('');
  return stdout
    .split('\n')
    .slice(0, lines.length)
    .map((l) => l.split(' ').filter((w) => w !== '').sort());
}

describe('the program as completion sees it', () => {
  it('has every visible command with its options, and not the hidden one', () => {
    const spec = describeProgram(program());
    const names = spec.commands.map((c) => c.name);
    for (const name of ['compare', 'baskets', 'snapshot', 'init', 'search', 'completion', 'help']) expect(names).toContain(name);
    expect(names).not.toContain('__complete-baskets');
    const compare = spec.commands.find((c) => c.name === 'compare');
    expect(compare?.args).toBe('baskets');
    expect(compare?.options.find((o) => o.long === '--format')).toMatchObject({ short: '-f', value: 'choices', choices: ['table', 'csv', 'json', 'md', 'html'] });
    expect(compare?.options.find((o) => o.long === '--config')?.value).toBe('file');
    expect(compare?.options.find((o) => o.long === '--data')?.value).toBe('data');
    expect(spec.commands.find((c) => c.name === 'completion')).toMatchObject({ args: 'choices', argChoices: ['bash', 'zsh', 'fish'] });
  });

  it('every option of every command is in every script (derived, so they never drift)', async () => {
    const spec = describeProgram(program());
    const all = (cs: typeof spec.commands): typeof spec.commands => cs.flatMap((c) => [c, ...all(c.subcommands)]);
    for (const shell of ['bash', 'zsh', 'fish'] as const) {
      const r = await runCli(['completion', shell]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(completionScript(shell, spec));
      for (const c of all(spec.commands)) {
        expect(r.stdout).toContain(c.name);
        for (const o of c.options) {
          const long = o.long ?? '';
          expect(r.stdout).toContain(shell === 'fish' ? `-l ${long.replace(/^--/, '')}` : long);
        }
      }
    }
  });
});

describe('basket completion bash, in a real bash', () => {
  it('completes commands, options, option values and basket ids (presets and the user config)', async () => {
    const { stdout: script } = await runCli(['completion', 'bash']);
    const got = await bashComplete(script, [
      ['basket', 'comp'],
      ['basket', 'compare', '--cur'],
      ['basket', 'compare', 'ti'],
      ['basket', 'compare', 'titans', 'ch'],
      ['basket', 'compare', '--format', ''],
      ['basket', 'compare', '--weights', 'c'],
      ['basket', 'completion', ''],
      ['basket', 'snapshot', 'm'],
      ['basket', 'cache', ''],
      ['basket', 'cache', 'info', '--f'],
      ['basket', 'compare', '--config', '../other.yaml', 'o'],
      ['basket', '--v'],
    ]);
    expect(got).toEqual([
      ['compare', 'completion'],
      ['--currency'],
      ['titans'],
      ['chips'],
      ['csv', 'html', 'json', 'md', 'table'],
      ['cap', 'config'],
      ['bash', 'fish', 'zsh'],
      ['mag7'],
      ['clear', 'help', 'info'],
      ['--format'],
      ['oil'],
      ['--version'],
    ]);
  });

  it('still offers the presets when the config is broken, and prints no error while completing', async () => {
    const { dir, env } = await environment();
    await writeFile(path.join(dir, 'xdg', 'basket', 'config.yaml'), 'baskets: [not, a, mapping]\n');
    const { stdout, stderr } = await run('basket', ['__complete-baskets'], { env, cwd: dir });
    expect(stdout).toBe('titans\nmag7\n');
    expect(stderr).toBe('');
  });
});

describe('basket completion zsh and fish', () => {
  it('zsh: a #compdef script that the shell accepts (zsh -n, when zsh is installed)', async () => {
    const r = await runCli(['completion', 'zsh']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('#compdef basket\n')).toBe(true);
    expect(r.stdout).toContain('compdef _basket basket');
    expect(r.stdout).toContain('basket __complete-baskets $cfg');
    expect(r.stdout).toContain("'--currency:report every return and money figure in this currency (e.g. USD)'");
    expect(r.stdout).toContain('(-f|--format) compadd -- table csv json md html; return ;;');
    if (await has('zsh')) {
      const dir = await makeTempDir();
      await writeFile(path.join(dir, '_basket'), r.stdout);
      await expect(run('zsh', ['-n', path.join(dir, '_basket')])).resolves.toBeDefined();
    }
  });

  it('fish: complete commands that the shell accepts (fish -n, when fish is installed)', async () => {
    const r = await runCli(['completion', 'fish']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('complete -c basket -f\n');
    expect(r.stdout).toContain("complete -c basket -n __fish_use_subcommand -a compare -d 'compare baskets (default: titans mag7) over a period'");
    expect(r.stdout).toContain("complete -c basket -n '__fish_seen_subcommand_from compare' -s f -l format -x -a 'table csv json md html' -d 'output format'");
    expect(r.stdout).toContain("complete -c basket -n '__fish_seen_subcommand_from compare' -a '(__basket_ids)' -d 'basket'");
    expect(r.stdout).toContain('basket __complete-baskets $cfg 2>/dev/null');
    if (await has('fish')) {
      const dir = await makeTempDir();
      await writeFile(path.join(dir, 'basket.fish'), r.stdout);
      await expect(run('fish', ['-n', path.join(dir, 'basket.fish')])).resolves.toBeDefined();
    }
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'powershell']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("basket: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n");
  });
});
