/**
 * `basket completion bash|zsh|fish`: a shell completion script for commands,
 * options and basket ids. The commands and options are read from the
 * commander program itself (so the script never drifts from the CLI); basket
 * ids are asked for at completion time from the hidden `basket
 * __complete-baskets`, which reads the presets and the user's config (and
 * any --config on the line being completed).
 */
import type { Command, Option } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The hidden command the scripts run to list basket ids. */
export const COMPLETE_BASKETS = '__complete-baskets';

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

export function completionScript(shell: Shell, spec: ProgramSpec): string {
  switch (shell) {
    case 'bash':
      return bashScript(spec);
    case 'zsh':
      return zshScript(spec);
    case 'fish':
      return fishScript(spec);
  }
}

/** Words safe to write bare in a shell script (option names, commands, choices). */
const SAFE_WORD = /^[\w.:/@%+=,^-]+$/;
const words = (xs: readonly (string | null)[]) => xs.filter((x): x is string => x !== null && SAFE_WORD.test(x));
const flagsOf = (o: OptionSpec) => words([o.short, o.long]);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---- bash ---------------------------------------------------------------------------------

function bashValueCase(o: OptionSpec): string | null {
  const pattern = flagsOf(o).join('|');
  if (pattern === '') return null;
  switch (o.value) {
    case 'none':
      return null;
    case 'choices':
      return `${pattern}) COMPREPLY=($(compgen -W "${words(o.choices).join(' ')}" -- "$cur")); return ;;`;
    case 'file':
      return `${pattern}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;`;
    case 'dir':
      return `${pattern}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;`;
    case 'data':
      return `${pattern}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -W "yahoo" -- "$cur") $(compgen -d -- "$cur")); return ;;`;
    case 'free':
      return `${pattern}) return ;;`;
  }
}

function bashArgs(c: CommandSpec, commandNames: string): string {
  switch (c.args) {
    case 'baskets':
      return 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -W "$(_basket_ids)" -- "$cur") $(compgen -f -- "$cur"))';
    case 'files':
      return 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))';
    case 'commands':
      return `COMPREPLY=($(compgen -W "${commandNames}" -- "$cur"))`;
    case 'choices':
      return `COMPREPLY=($(compgen -W "${words(c.argChoices).join(' ')}" -- "$cur"))`;
    case 'none':
      return ':';
  }
}

/** Indent every line of a block by `n` spaces. */
const indent = (block: string, n: number) =>
  block
    .split('\n')
    .map((l) => (l === '' ? l : `${' '.repeat(n)}${l}`))
    .join('\n');

/** The case arm of one command; a group finds its subcommand (the next word that is not an option) and recurses. */
function bashCase(c: CommandSpec, commandNames: string, depth: number): string {
  const names = `${words([c.name, ...c.aliases]).join('|')})`;
  if (c.subcommands.length > 0) {
    const subNames = words(c.subcommands.flatMap((x) => [x.name, ...x.aliases])).join(' ');
    const v = `sub${depth}`;
    const body = [
      `local ${v}="" j${depth}`,
      `for ((j${depth} = i + 1; j${depth} < COMP_CWORD; j${depth}++)); do`,
      `  case "\${COMP_WORDS[j${depth}]}" in -*) ;; *) ${v}="\${COMP_WORDS[j${depth}]}"; i=$j${depth}; break ;; esac`,
      'done',
      `case "$${v}" in`,
      `  "") COMPREPLY=($(compgen -W "${subNames}" -- "$cur")) ;;`,
      ...c.subcommands.map((x) => indent(bashCase(x, subNames, depth + 1), 2)),
      'esac',
      ';;',
    ].join('\n');
    return `${names}\n${indent(body, 2)}`;
  }
  const values = c.options.map(bashValueCase).filter((x) => x !== null).map((x) => `  ${x}`);
  const body = [
    ...(values.length > 0 ? ['case "$prev" in', ...values, 'esac'] : []),
    'if [[ "$cur" == -* ]]; then',
    `  COMPREPLY=($(compgen -W "${c.options.flatMap(flagsOf).join(' ')}" -- "$cur"))`,
    'else',
    `  ${bashArgs(c, commandNames)}`,
    'fi',
    ';;',
  ].join('\n');
  return `${names}\n${indent(body, 2)}`;
}

function bashScript(spec: ProgramSpec): string {
  const commandNames = words(spec.commands.flatMap((c) => [c.name, ...c.aliases])).join(' ');
  const cases = spec.commands.map((c) => indent(bashCase(c, commandNames, 1), 4));
  return `# bash completion for ${spec.name} ${spec.version}: commands, options and basket ids.
# Generated by \`${spec.name} completion bash\`. Load it in the current shell with
#   source <(${spec.name} completion bash)
# or for every new shell with
#   ${spec.name} completion bash > ~/.local/share/bash-completion/completions/${spec.name}

# The basket ids ${spec.name} knows (presets and config), honouring a --config on the line.
_${spec.name}_ids() {
  local i
  local -a cfg=()
  for ((i = 1; i < \${#COMP_WORDS[@]} - 1; i++)); do
    case "\${COMP_WORDS[i]}" in
      -c|--config) cfg=(--config "\${COMP_WORDS[i+1]}") ;;
    esac
  done
  ${spec.name} ${COMPLETE_BASKETS} "\${cfg[@]}" 2>/dev/null
}

_${spec.name}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" i
  ((COMP_CWORD > 0)) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  # the command is the first word after the program that is not an option
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd" in
    "")
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "${spec.options.flatMap(flagsOf).join(' ')}" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "${commandNames}" -- "$cur"))
      fi
      ;;
${cases.join('\n')}
  esac
}

complete -F _${spec.name} ${spec.name}
`.replace(/_basket_ids/g, `_${spec.name}_ids`);
}

// ---- zsh ----------------------------------------------------------------------------------

/** A zsh single-quoted word. */
const zq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
/** An entry for _describe: `name:description`, colons in the name escaped. */
const describeEntry = (name: string, description: string) => zq(`${name.replace(/:/g, '\\:')}:${oneLine(description)}`);

function zshValueCase(o: OptionSpec): string | null {
  const pattern = flagsOf(o).join('|');
  if (pattern === '') return null;
  switch (o.value) {
    case 'none':
      return null;
    case 'choices':
      return `(${pattern}) compadd -- ${words(o.choices).join(' ')}; return ;;`;
    case 'file':
      return `(${pattern}) _files; return ;;`;
    case 'dir':
      return `(${pattern}) _files -/; return ;;`;
    case 'data':
      return `(${pattern}) compadd -- yahoo; _files -/; return ;;`;
    case 'free':
      return `(${pattern}) return ;;`;
  }
}

function zshOptions(options: readonly OptionSpec[], indent: string): string {
  const entries = options.flatMap((o) => flagsOf(o).map((f) => describeEntry(f, o.description)));
  return `${indent}opts=(\n${entries.map((e) => `${indent}  ${e}`).join('\n')}\n${indent})\n${indent}_describe -t options 'option' opts`;
}

function zshArgs(c: CommandSpec): string {
  switch (c.args) {
    case 'baskets':
      return '_basket_ids; _files';
    case 'files':
      return '_files';
    case 'commands':
      return '_basket_commands';
    case 'choices':
      return `compadd -- ${words(c.argChoices).join(' ')}`;
    case 'none':
      return ':';
  }
}

/** The case arm of one command; a group finds its subcommand and recurses. */
function zshCase(c: CommandSpec, depth: number): string {
  const names = `(${words([c.name, ...c.aliases]).join('|')})`;
  if (c.subcommands.length > 0) {
    const v = `sub${depth}`;
    const entries = c.subcommands.flatMap((x) => words([x.name, ...x.aliases]).map((n) => `  ${describeEntry(n, x.description)}`));
    const body = [
      `local ${v}="" j${depth}`,
      `for (( j${depth} = i + 1; j${depth} < CURRENT; j${depth}++ )); do`,
      `  if [[ \${words[j${depth}]} != -* ]]; then ${v}=\${words[j${depth}]}; i=$j${depth}; break; fi`,
      'done',
      `case $${v} in`,
      "  ('')",
      '    local -a subs',
      '    subs=(',
      ...entries.map((e) => `    ${e}`),
      '    )',
      `    _describe -t commands '${c.name} command' subs`,
      '    ;;',
      ...c.subcommands.map((x) => indent(zshCase(x, depth + 1), 2)),
      'esac',
      ';;',
    ].join('\n');
    return `${names}\n${indent(body, 2)}`;
  }
  const values = c.options.map(zshValueCase).filter((x) => x !== null).map((x) => `  ${x}`);
  const body = [
    ...(values.length > 0 ? ['case $prev in', ...values, 'esac'] : []),
    'if [[ $cur == -* ]]; then',
    zshOptions(c.options, '  '),
    'else',
    `  ${zshArgs(c)}`,
    'fi',
    ';;',
  ].join('\n');
  return `${names}\n${indent(body, 2)}`;
}

function zshScript(spec: ProgramSpec): string {
  const cases = spec.commands.map((c) => indent(zshCase(c, 1), 4));
  const commandEntries = spec.commands.flatMap((c) => words([c.name, ...c.aliases]).map((n) => `    ${describeEntry(n, c.description)}`));
  return `#compdef ${spec.name}
# zsh completion for ${spec.name} ${spec.version}: commands, options and basket ids.
# Generated by \`${spec.name} completion zsh\`. Load it in the current shell (after compinit) with
#   source <(${spec.name} completion zsh)
# or for every new shell, save it as _${spec.name} in a directory of $fpath:
#   ${spec.name} completion zsh > "\${fpath[1]}/_${spec.name}"

# The basket ids ${spec.name} knows (presets and config), honouring a --config on the line.
_basket_ids() {
  local i
  local -a ids cfg
  for (( i = 2; i < CURRENT; i++ )); do
    case \${words[i]} in
      (-c|--config) cfg=(--config "\${words[i+1]}") ;;
    esac
  done
  ids=(\${(f)"$(${spec.name} ${COMPLETE_BASKETS} $cfg 2>/dev/null)"})
  compadd -a ids
}

_basket_commands() {
  local -a cmds
  cmds=(
${commandEntries.join('\n')}
  )
  _describe -t commands '${spec.name} command' cmds
}

_${spec.name}() {
  local cmd="" cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} i
  local -a opts
  # the command is the first word after the program that is not an option
  for (( i = 2; i < CURRENT; i++ )); do
    if [[ \${words[i]} != -* ]]; then cmd=\${words[i]}; break; fi
  done
  case $cmd in
    ('')
      if [[ $cur == -* ]]; then
${zshOptions(spec.options, '        ')}
      else
        _basket_commands
      fi
      ;;
${cases.join('\n')}
  esac
}

if [[ "\${funcstack[1]}" == "_${spec.name}" ]]; then
  _${spec.name} "$@"
else
  compdef _${spec.name} ${spec.name}
fi
`.replace(/_basket_(ids|commands)/g, `_${spec.name}_$1`);
}

// ---- fish ---------------------------------------------------------------------------------

/** A fish single-quoted word. */
const fq = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishOption(o: OptionSpec, condition: string): string | null {
  const parts = [`complete -c basket -n ${condition}`];
  if (o.short !== null && SAFE_WORD.test(o.short)) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.long !== null && SAFE_WORD.test(o.long)) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  if (parts.length === 1) return null;
  switch (o.value) {
    case 'none':
      break;
    case 'choices':
      parts.push(`-x -a ${fq(words(o.choices).join(' '))}`);
      break;
    case 'file':
    case 'dir':
      parts.push('-r -F');
      break;
    case 'data':
      parts.push(`-r -F -a yahoo`);
      break;
    case 'free':
      parts.push('-x');
      break;
  }
  parts.push(`-d ${fq(oneLine(o.description))}`);
  return parts.join(' ');
}

function fishScript(spec: ProgramSpec): string {
  const lines: string[] = [];
  const top = '__fish_use_subcommand';
  for (const o of spec.options) {
    const line = fishOption(o, top);
    if (line) lines.push(line);
  }
  for (const c of spec.commands) {
    for (const n of words([c.name, ...c.aliases])) lines.push(`complete -c basket -n ${top} -a ${n} -d ${fq(oneLine(c.description))}`);
  }
  const commandNames = words(spec.commands.flatMap((c) => [c.name, ...c.aliases]));
  /** A command's options and arguments under `condition` (fish code), a group's subcommands recursively. */
  const addCommand = (c: CommandSpec, condition: string, siblings: readonly string[]) => {
    if (c.subcommands.length > 0) {
      const subNames = words(c.subcommands.flatMap((x) => [x.name, ...x.aliases]));
      for (const x of c.subcommands) {
        for (const n of words([x.name, ...x.aliases])) {
          lines.push(`complete -c basket -n ${fq(`${condition}; and not __fish_seen_subcommand_from ${subNames.join(' ')}`)} -a ${n} -d ${fq(oneLine(x.description))}`);
        }
      }
      for (const x of c.subcommands) addCommand(x, `${condition}; and __fish_seen_subcommand_from ${words([x.name, ...x.aliases]).join(' ')}`, subNames);
      return;
    }
    const when = fq(condition);
    for (const o of c.options) {
      const line = fishOption(o, when);
      if (line) lines.push(line);
    }
    switch (c.args) {
      case 'baskets':
        lines.push(`complete -c basket -n ${when} -a '(__basket_ids)' -d 'basket'`, `complete -c basket -n ${when} -F`);
        break;
      case 'files':
        lines.push(`complete -c basket -n ${when} -F`);
        break;
      case 'commands':
        lines.push(`complete -c basket -n ${when} -a ${fq(siblings.join(' '))}`);
        break;
      case 'choices':
        lines.push(`complete -c basket -n ${when} -a ${fq(words(c.argChoices).join(' '))}`);
        break;
      case 'none':
        break;
    }
  };
  for (const c of spec.commands) {
    lines.push('', `# ${c.name}`);
    addCommand(c, `__fish_seen_subcommand_from ${words([c.name, ...c.aliases]).join(' ')}`, commandNames);
  }
  return `# fish completion for ${spec.name} ${spec.version}: commands, options and basket ids.
# Generated by \`${spec.name} completion fish\`. Load it in the current shell with
#   ${spec.name} completion fish | source
# or for every new shell with
#   ${spec.name} completion fish > ~/.config/fish/completions/${spec.name}.fish

# The basket ids ${spec.name} knows (presets and config), honouring a --config on the line.
function __basket_ids
    set -l tokens (commandline -opc)
    set -l cfg
    for i in (seq (count $tokens))
        if contains -- $tokens[$i] -c --config
            set -l next (math $i + 1)
            if test $next -le (count $tokens)
                set cfg --config $tokens[$next]
            end
        end
    end
    ${spec.name} ${COMPLETE_BASKETS} $cfg 2>/dev/null
end

# no file names unless an option or argument takes them
complete -c basket -f
${lines.join('\n')}
`.replace(/complete -c basket/g, `complete -c ${spec.name}`).replace(/__basket_ids/g, `__${spec.name}_ids`);
}
