/**
 * The program as completion sees it: its commands, their options and what
 * each option's value and each command's arguments complete to, read from
 * the commander program itself (so that no script drifts from the CLI). The
 * bash, zsh and fish generators read this description and nothing else.
 */
import type { Command, Option } from 'commander';

/** What an option's value completes to. */
export type ValueKind = 'none' | 'choices' | 'file' | 'dir' | 'data' | 'free';
/** What a command's positional arguments complete to. */
export type ArgKind = 'baskets' | 'files' | 'commands' | 'choices' | 'none';

export interface OptionSpec {
  /** `-f` or null. */
  readonly short: string | null;
  /** `--format` or null. */
  readonly long: string | null;
  readonly description: string;
  readonly value: ValueKind;
  readonly choices: readonly string[];
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly args: ArgKind;
  readonly argChoices: readonly string[];
  /** A command group's commands (`cache info`, `cache clear`), its implicit `help` included. */
  readonly subcommands: readonly CommandSpec[];
}

export interface ProgramSpec {
  readonly name: string;
  readonly version: string;
  /** The program's own options (--version, --help). */
  readonly options: readonly OptionSpec[];
  readonly commands: readonly CommandSpec[];
}

/** The value an option takes, from its choices or the name of its placeholder (`<file>`, `<dir>`, `<source>`). */
function valueKind(o: Option): { value: ValueKind; choices: readonly string[] } {
  if (!o.required && !o.optional) return { value: 'none', choices: [] };
  if (o.argChoices && o.argChoices.length > 0) return { value: 'choices', choices: o.argChoices };
  const placeholder = /[<[]([\w-]+)(?:\.\.\.)?[>\]]/.exec(o.flags)?.[1] ?? '';
  if (placeholder === 'file') return { value: 'file', choices: [] };
  if (placeholder === 'dir') return { value: 'dir', choices: [] };
  if (placeholder === 'source') return { value: 'data', choices: [] };
  return { value: 'free', choices: [] };
}

function toOptionSpec(o: Option): OptionSpec {
  return { short: o.short ?? null, long: o.long ?? null, description: o.description, ...valueKind(o) };
}

function describeCommand(cmd: Command): CommandSpec {
  const help = cmd.createHelp();
  const first = cmd.registeredArguments[0];
  const name = first?.name() ?? '';
  const choices = first?.argChoices ?? [];
  const args: ArgKind =
    first === undefined ? 'none' : choices.length > 0 ? 'choices' : name === 'baskets' ? 'baskets' : name === 'command' ? 'commands' : /file|dir|path/.test(name) ? 'files' : 'none';
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    description: cmd.summary() || cmd.description(),
    options: help.visibleOptions(cmd).map(toOptionSpec),
    args,
    argChoices: choices,
    subcommands: cmd.commands.length > 0 ? help.visibleCommands(cmd).map(describeCommand) : [],
  };
}

/** The commands (hidden ones aside, the implicit `help` included) and options of a commander program. */
export function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  return {
    name: program.name(),
    version: program.version() ?? '',
    options: help.visibleOptions(program).map(toOptionSpec),
    commands: help.visibleCommands(program).map(describeCommand),
  };
}

/** The hidden command the scripts run to list basket ids. */
export const COMPLETE_BASKETS = '__complete-baskets';
