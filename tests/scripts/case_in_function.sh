kind() {
  case $1 in
    *.sh) echo script;;
    *.txt|*.md) echo text;;
    */) echo directory;;
    *) echo unknown;;
  esac
}
for f in run.sh notes.txt README.md dir/ image.png; do echo "$f: $(kind $f)"; done
