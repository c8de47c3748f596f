# extglob forms
shopt -s extglob
for f in a.txt b.md c.rs d.txt.bak; do
  case $f in
    *.@(txt|md)) echo "$f: text" ;;
    !(*.rs)) echo "$f: not rust" ;;
    *) echo "$f: other" ;;
  esac
done
x=aaabbb
echo "${x##+(a)}"
echo "${x%%*(b)}"
[[ abab == +(ab) ]] && echo "repeated group"
[[ "" == ?(x) ]] && echo "optional group"
mkdir -p ext && cd ext && touch one.c two.h three.o && echo !(*.o) && echo @(one|two).* && cd ..
