# Globs in loops with nullglob and dotglob
mkdir -p d && touch d/.hidden d/shown
for f in d/*; do echo "plain: $f"; done
shopt -s dotglob
for f in d/*; do echo "dotglob: $f"; done
shopt -s nullglob
for f in d/*.none; do echo "never"; done
echo "loop skipped"
