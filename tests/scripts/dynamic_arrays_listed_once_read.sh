# bash fills DIRSTACK, BASH_ARGC and BASH_ARGV when they are read by name: its listings
# show them empty until then.
declare -a | grep -E '^declare -a BASH_ARG'
declare -a | grep -c 'DIRSTACK=()'
set | grep -c '^DIRSTACK=()'
echo "${#BASH_ARGC[@]} ${#DIRSTACK[@]}"
declare -a | grep -E '^declare -a BASH_ARG'
declare -a | grep -c 'DIRSTACK=()'
declare -p | grep -c 'DIRSTACK=()'
