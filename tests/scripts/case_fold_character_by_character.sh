# Case changes map a character to one character, as C's towupper and towlower: ß keeps
# its case, İ lowers to i, a final sigma lowers to σ.
LC_ALL=C.UTF-8
small=$'\u00DF'
echo u ${small^} U ${small^^} l ${small,} L ${small,,}
w='straße ΣΑΣ éa İx'
echo "${w^^}" "${w,,}" "${w^}" "${w@U}" "${w@L}" "${w@u}"
declare -u up=$w
declare -l low=$w
echo "$up" "$low"
