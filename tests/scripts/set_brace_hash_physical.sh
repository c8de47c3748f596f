# set -B/+B (brace expansion), -h/+h (hashing programs), -P/+P (cd resolving links).
mkdir real; ln -s real link
echo {a,b} $-; set +B; echo {a,b} $-; set -B; echo {1..3}
set -P; echo $-; cd link; echo "${PWD##*/}"; cd ..; set +P; cd link; echo "${PWD##*/}"
cd -P ..; cd link; cd -P .; echo "${PWD##*/}"; cd ..
set +h; echo $-; hash; echo "hash status $?"; ls >/dev/null; hash -t ls; echo "status $?"
set -h; ls > /dev/null; hash -t ls >/dev/null; echo "status $?"
echo "$SHELLOPTS"
set -o | grep -E 'braceexpand|hashall|physical'
set +o | grep -E 'braceexpand|hashall|physical'
set +BhP; echo "$SHELLOPTS" $-
