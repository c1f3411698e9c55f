/**
 * `basket completion bash|zsh|fish`, in process: the program as completion
 * sees it, and what each script says. The scripts are run in the real shells
 * in test/e2e/completion-shells.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { completionScript, describeProgram } from '../../src/commands/completion.js';
import { fakeIo, runCli } from '../helpers/cli.js';

function program() {
  return buildProgram(fakeIo().io, { now: () => new Date() }, () => {});
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

describe('basket completion zsh and fish', () => {
  it('zsh: a #compdef script with every option described', async () => {
    const r = await runCli(['completion', 'zsh']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('#compdef basket\n')).toBe(true);
    expect(r.stdout).toContain('compdef _basket basket');
    expect(r.stdout).toContain('basket __complete-baskets $cfg');
    expect(r.stdout).toContain("'--currency:report every return and money figure in this currency (e.g. USD)'");
    expect(r.stdout).toContain('(-f|--format) compadd -- table csv json md html; return ;;');
  });

  it('fish: complete commands with conditions and descriptions', async () => {
    const r = await runCli(['completion', 'fish']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('complete -c basket -f\n');
    expect(r.stdout).toContain("complete -c basket -n __fish_use_subcommand -a compare -d 'compare baskets (default: titans mag7) over a period'");
    expect(r.stdout).toContain("complete -c basket -n '__fish_seen_subcommand_from compare' -s f -l format -x -a 'table csv json md html' -d 'output format'");
    expect(r.stdout).toContain("complete -c basket -n '__fish_seen_subcommand_from compare' -a '(__basket_ids)' -d 'basket'");
    expect(r.stdout).toContain('basket __complete-baskets $cfg 2>/dev/null');
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runCli(['completion', 'powershell']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe("basket: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n");
  });
});
