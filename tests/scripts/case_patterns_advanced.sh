# case with alternatives, classes, quoted patterns and variables in patterns.
for f in photo.JPG doc.txt script.sh archive.tar.gz Makefile ""; do
  case $f in
    *.[Jj][Pp][Gg]|*.png) echo "$f: image" ;;
    *.tar.*) echo "$f: tarball" ;;
    *.sh|*.bash) echo "$f: script" ;;
    [A-Z]*) echo "$f: capitalised" ;;
    "") echo "(empty)" ;;
    *) echo "$f: other" ;;
  esac
done
ext=txt
case doc.txt in *."$ext") echo "variable in pattern" ;; esac
case '*' in '*') echo "quoted star matches only a star" ;; esac
