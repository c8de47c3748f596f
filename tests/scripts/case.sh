for f in notes.txt main.c README Makefile x.tar.gz; do
  case $f in
    *.txt) echo "$f: text" ;;
    *.c|*.h) echo "$f: C" ;;
    [A-Z]*) echo "$f: capitalised" ;;
    *.tar.*) echo "$f: archive" ;;
    *) echo "$f: other" ;;
  esac
done
case abc in a?c) echo matched ;; esac
case "" in "") echo empty ;; esac
