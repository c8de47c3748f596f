# cd -, cd -P through a symlink, CDPATH, and $OLDPWD.
mkdir -p real/sub base/dest
ln -s real link
cd link && pwd | sed 's,.*/,,' && cd ..
cd -P link && pwd -P | sed 's,.*/,,' && cd ..
cd real/sub
cd - > /dev/null
[ "$PWD" = "$OLDPWD" ] || echo "back where we were"
CDPATH=base
cd dest | sed 's,.*/,,'
cd dest > /dev/null && echo "now ${PWD##*/}"
cd /nonexistent 2>/dev/null || echo "missing dir: $?"
cd -- .. && echo "with --: ${PWD##*/}"
