# `declare -xf`, `declare -tF`, `export -f` and `readonly -f` alone list the functions
# that have any of the attributes asked for, definitions followed by their declare line.
f() { :; }
g() { echo g; }
h() { :; }
export -f g
declare -ft h
for options in -xF -xf -tF -tf -rf -xtF; do
  echo "declare $options:"
  declare $options
done
declare -xF f g
echo "export -f:"
export -f
readonly -f h
echo "readonly -f:"
readonly -f
echo "declare -F:"
declare -F
