/**
 * `basket completion bash|zsh|fish`: a shell completion script for commands,
 * options and basket ids. The commands and options are read from the
 * commander program itself (completion/spec.ts); each shell's script is
 * written from that description by its own module. Basket ids are asked for
 * at completion time from the hidden `basket __complete-baskets`, which
 * reads the presets and the user's config (and any --config on the line
 * being completed).
 */
import type { Command } from 'commander';
import { EXIT_OK } from '../errors.js';
import type { Shell } from './choices.js';
import { bashScript } from './completion/bash.js';
import { fishScript } from './completion/fish.js';
import { describeProgram, type ProgramSpec } from './completion/spec.js';
import { zshScript } from './completion/zsh.js';
import type { CommonFlags } from './flags.js';
import type { Io } from './io.js';

export { describeProgram } from './completion/spec.js';

const SCRIPTS: Readonly<Record<Shell, (spec: ProgramSpec) => string>> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export function completionScript(shell: Shell, spec: ProgramSpec): string {
  return SCRIPTS[shell](spec);
}

export async function completionCommand(shell: Shell, flags: CommonFlags, program: Command, io: Io): Promise<number> {
  const spec = describeProgram(program);
  io.stdout.write(completionScript(shell, spec));
  if (flags.verbose) io.stderr.write(`basket: ${shell} completion for ${spec.commands.length} commands; basket ids come from \`basket __complete-baskets\`\n`);
  return EXIT_OK;
}
