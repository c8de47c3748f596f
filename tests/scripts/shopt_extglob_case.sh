# extglob patterns in case statements
shopt -s extglob
for f in main.c util.h notes.txt Makefile; do
  case $f in
    *.@(c|h)) echo "$f: source" ;;
    +([A-Z])*([a-z])) echo "$f: capitalized" ;;
    *) echo "$f: other" ;;
  esac
done
