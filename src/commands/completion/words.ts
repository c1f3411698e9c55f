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
