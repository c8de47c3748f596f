# Operands of ${...} as bash reads them: blanks kept, quotes in replacements removed,
# & for the match, "$*" null when joined empty; read's last field; `\"` in "`...`".
foo="a  b"; echo "[${foo%  b}]" "[${foo%a  b}]" "[${foo#a  }]" "[${foo/a  b/Z}]" "[${foo/a  b/X  Y}]"; echo "[${u-a  b}]" "[${u-a	b}]"
f() { echo "[${u-a  b}]"; }; f
foo="a b c"; echo "${foo/b/\q}" "${foo/b/\\q}" "${foo/b/"q"}" "${foo/b/$"q"}" "${foo/b/'q'}" ${foo/b/'q'}; x="'"; echo "${foo/b/$x}"
echo "${foo/b/&&}" ${foo/b/&&} "${foo/b/\&}" "${foo//?/<&>}"
z='a  b'; echo "${foo/b/$z}"
foo="abcabc"
echo "${foo/b/[&]}" "${foo//b/[&]}" "${foo/#a/<&>}" "${foo/%c/<&>}" "${foo//[ac]/&&}"
echo "${foo/b/'&'}" "${foo/b/"&"}" "${foo/b/\\&}" "${foo/b/\\\&}"
r='&'; echo "${foo/b/$r}" ${foo/b/$r}
shopt -u patsub_replacement; echo "${foo/b/[&]}"
a=(xay bab); echo "${a[@]/a/<&>}"
echo $"hello" "$"
set -- "" ""; IFS=; echo "[${*:-m}]" [${*:-m}] "[${@:-m}]" [${@:-m}]; IFS=" "; echo "[${*:-m}]" [${*:-m}] "[${@:-m}]" [${@:-m}]; set -- ""; echo "[${*:-m}]" "[${@:-m}]"; set -- "" "" ""; IFS=; echo "[${*:+p}]" [${*:+p}] "[${@:+p}]"
a=("" ""); IFS=; echo [${a[*]:-m}] "[${a[*]:-m}]" [${a[@]:-m}] "[${a[@]:-m}]"
IFS=' '; a=(x ""); echo "[${a[*]:-m}]" "[${a[*]:=q}]"
unset IFS; set -- "" ""; echo "[${*:-m}]" "[${*:?err}]"
IFS='x '
for s in x xx xxx xxxx xxxxx 'x    ' 'xx   ' 'xxx  ' 'xxxx ' 'xa    ' 'xax   ' 'xaxx  ' 'xaxxx ' 'xaxxxx' 'a' 'ax' 'a x' 'a xb' 'axb x' ' a b c x ' 'a\x' 'a\xx'; do
  echo "$s" | (read a b; echo "[$a] [$b]")
  echo "$s" | (read a; echo "[$a]")
  echo "$s" | (read -r a b c; echo "[$a] [$b] [$c]")
done
IFS=':'
for s in 'a:b:' 'a:b::' 'a::' ':' '::' 'a:b: ' ' a : b : '; do echo "$s" | (read a b; echo "[$a] [$b]"); echo "$s" | (read a; echo "[$a]"); done
IFS=$' \t\n'
for s in ' a  b  ' 'a b c ' ; do echo "$s" | (read a b; echo "[$a] [$b]"); done
echo "`echo \"a  b\"`" `echo \"x\"` "`echo \\"y\\"`"
