/**
 * `basket completion bash|zsh|fish` run in the real shells: bash's
 * programmable completion (COMP_WORDS, COMPREPLY), zsh's completion system
 * (compinit, a Tab typed in an interactive zsh) and fish's own engine
 * (`complete -C`) asked what they offer for the same command lines. Basket
 * ids come from the built executable through a `basket` shim on PATH.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bashComplete, fishComplete, requireShell, run, shellEnvironment, zshComplete } from '../helpers/shells.js';

/** Lines typed (the last word being completed) and what every shell must offer for them. */
const CASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['basket comp', ['compare', 'completion']],
  ['basket compare --cur', ['--currency']],
  ['basket compare ti', ['titans']],
  ['basket compare titans ch', ['chips']],
  ['basket compare --format ', ['csv', 'html', 'json', 'md', 'table']],
  ['basket compare --weights c', ['cap', 'config']],
  ['basket completion ', ['bash', 'fish', 'zsh']],
  ['basket snapshot m', ['mag7']],
  ['basket cache ', ['clear', 'help', 'info']],
  ['basket cache info --f', ['--format']],
  ['basket compare --config ../other.yaml o', ['oil']],
  ['basket --v', ['--version']],
];

/** Each shell and the way its own completion engine is asked. */
const SHELLS = [
  ['bash', bashComplete],
  ['zsh', zshComplete],
  ['fish', fishComplete],
] as const;

describe.each(SHELLS)('basket completion %s, in the real shell', (shell, complete) => {
  it('completes commands, options, option values and basket ids (presets and the user config)', { timeout: 120_000 }, async () => {
    await requireShell(shell);
    const { stdout: script, exitCode } = await runCli(['completion', shell]);
    expect(exitCode).toBe(0);
    expect(await complete(script, CASES.map(([line]) => line))).toEqual(CASES.map(([, want]) => want));
  });
});

describe('basket __complete-baskets', () => {
  it('still offers the presets when the config is broken, and prints no error while completing', async () => {
    const { dir, env } = await shellEnvironment();
    await writeFile(path.join(dir, 'xdg', 'basket', 'config.yaml'), 'baskets: [not, a, mapping]\n');
    const { stdout, stderr } = await run('basket', ['__complete-baskets'], { env, cwd: dir });
    expect(stdout).toBe('titans\nmag7\n');
    expect(stderr).toBe('');
  });
});
