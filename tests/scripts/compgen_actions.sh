# compgen's actions: functions, variables, aliases, shell options, signals, help topics.
mkdir -p d && touch d/PA_FILE d/Q_FILE && cd d
PA_FUNC() { echo P; }
PA_VAR=1
compgen -A function -A variable -A file PA
alias v_alias='ls' v_alias2='ls'
compgen -a v
compgen -A setopt err
compgen -A shopt -P [ -S ] nu
compgen -A signal SIGT
compgen -A helptopic -S ___ fal
arr=(1 2); declare -A assoc=([k]=v)
compgen -A arrayvar ar
compgen -A arrayvar ass
compgen -o filenames -o nospace -W 'bin build'
compgen -o plusdirs -W 'dx' d
compgen -A nosuch
echo "status $?"
compopt -o nospace
echo "status $?"
compopt -o invalid
echo "status $?"
