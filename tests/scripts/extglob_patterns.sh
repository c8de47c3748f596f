# extglob: ?(...) *(...) +(...) @(...) !(...) in case, [[ ]] and expansions.
shopt -s extglob
for w in file.txt file.c file.h image.png README; do
  case $w in
    *.@(c|h)) echo "$w: C source" ;;
    !(*.*)) echo "$w: no extension" ;;
    *.+(t|x)t) echo "$w: text" ;;
    *) echo "$w: other" ;;
  esac
done
[[ aaa == +(a) ]] && echo "one or more"
[[ "" == *(x) ]] && echo "zero or more"
v=foo.tar.gz
echo "${v%%.@(tar|gz)*}" "${v//+(o)/0}"
