# Slices of arrays and of $@, with negative offsets and lengths.
a=(a b c d e f)
echo "${a[@]:1:3}" "|" "${a[@]: -2}" "|" "${a[@]: -3:2}" "|" "${a[@]:4:10}"
echo "${a[*]:2}"
set -- one two three four
echo "${@:2}" "|" "${@: -1}" "|" "${@:1:2}" "|" "${*:3:1}"
s=abcdefgh
echo "${s: -3}" "${s:2:-2}" "${s: -5:-2}" "${s:10}" "[${s:8}]"
