# A script whose first line holds a NUL byte is a binary to bash (status 126); other NUL
# bytes are dropped from a script's text, read from a file, stdin or `source`.
printf 'echo one \0 echo two\n' > first-line.sh
printf 'echo one\necho \0two\n' > second-line.sh
printf '#!/bin/sh\necho a\0b\n' > after-hashbang.sh
for f in first-line.sh second-line.sh after-hashbang.sh; do
  bash "$f" 2>/dev/null; echo "$f: status $?"
  bash < "$f"; echo "$f from stdin: status $?"
done
source ./second-line.sh
source ./first-line.sh
