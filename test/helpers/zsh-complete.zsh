# complete.zsh FPATH_DIR LINE: the candidates zsh's completion system offers
# for LINE, one per line. A real interactive zsh runs in a pseudo-terminal
# (zpty); compinit loads the script from FPATH_DIR; a Tab is typed; compadd
# is wrapped so that every candidate the completion functions add is printed.
zmodload zsh/zpty
local dir=$1 line=$2 out
zpty shell zsh -f -i
zpty -w shell "unsetopt prompt_sp prompt_cr; unset zle_bracketed_paste; PROMPT=; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w shell 'compadd() { local -a __got; builtin compadd -O __got "$@"; (( $#__got )) && print -rl -- "<""c>"${^__got}; builtin compadd "$@" }'
zpty -w shell '__done() { print -r -- "<e""nd>"; exit }; comppostfuncs=(__done); bindkey "^I" complete-word'
zpty -w -n shell "$line"$'\t'
zpty -r shell out '*<end>*' || { print -u2 "zsh gave no completion for: $line"; exit 2 }
zpty -d shell
for l in "${(@f)out}"; do
  l=${l%$'\r'}
  [[ $l == *'<c>'* ]] && print -r -- ${l##*<c>}
done
exit 0
