# `${@@A}` is the `set` command that gives the positional parameters back; `${!r@a}`
# of an array without element 0 is its attributes, even under `set -u`.
set -- ab "cd ef" "" "it's"
printf '<%s>' ${@@A}; echo
printf '<%s>' "${@@A}"; echo
printf '<%s>' ${*@A}; echo
printf '<%s>' "${*@A}"; echo
IFS=:
printf '<%s>' "${*@A}"; echo
IFS=' '
eval "${@@A}"; echo "$# <$2> <$4>"
set --
printf '<%s>' "${@@A}" "${*@A}"; echo
declare -a sparse=([1]=one)
declare -ai numbers=()
r=sparse n=numbers
set -u
echo "${!r@a} ${!n@a} ${sparse@a}"
