/** Words and blocks of shell script, as every shell's generator writes them. */
import type { CommandSpec, OptionSpec } from './spec.js';

/** Words safe to write bare in a shell script (option names, commands, choices). */
export const SAFE_WORD = /^[\w.:/@%+=,^-]+$/;
export const words = (xs: readonly (string | null)[]) => xs.filter((x): x is string => x !== null && SAFE_WORD.test(x));
export const flagsOf = (o: OptionSpec) => words([o.short, o.long]);
/** A command's name and aliases, the safe ones. */
export const namesOf = (c: CommandSpec) => words([c.name, ...c.aliases]);
/** The names and aliases of a list of commands, the safe ones. */
export const allNamesOf = (cs: readonly CommandSpec[]) => words(cs.flatMap((c) => [c.name, ...c.aliases]));
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Indent every line of a block by `n` spaces. */
export const indent = (block: string, n: number) =>
  block
    .split('\n')
    .map((l) => (l === '' ? l : `${' '.repeat(n)}${l}`))
    .join('\n');

/** What an action template's `{choices}` and `{commands}` stand for. */
export interface Fill {
  readonly choices?: string;
  readonly commands?: string;
}

/** An action template with its `{choices}` and `{commands}` filled in. */
export const fill = (template: string, values: Fill) => template.replace(/\{(choices|commands)\}/g, (_, key: keyof Fill) => values[key] ?? '');

/** How a shell writes the tests of a command's case arm (bash and zsh arms share their shape). */
export interface ArmSyntax {
  /** Opens the case on the word before the cursor: `case "$prev" in`. */
  readonly onPrevious: string;
  /** Opens the branch for a word being typed that is an option: `if [[ "$cur" == -* ]]; then`. */
  readonly ifOption: string;
}

/**
 * The case arm of a command without subcommands: its options' values by the
 * word before (`valueCases`, one arm each), then its options (`options`, a
 * block) or its arguments (`args`, one line).
 */
export function leafArm(names: string, syntax: ArmSyntax, valueCases: readonly string[], options: string, args: string): string {
  const body = [
    ...(valueCases.length > 0 ? [syntax.onPrevious, ...valueCases.map((x) => `  ${x}`), 'esac'] : []),
    syntax.ifOption,
    options,
    'else',
    `  ${args}`,
    'fi',
    ';;',
  ].join('\n');
  return `${names}\n${indent(body, 2)}`;
}
