# $SHELLOPTS and $BASHOPTS follow the options, are read-only, and an exported
# SHELLOPTS hands the options to child shells; sh's own option forms.
case ":$SHELLOPTS:" in *:xtrace:*) echo "xtrace on" ;; *) echo "xtrace off" ;; esac
set -o noglob
case ":$SHELLOPTS:" in *:noglob:*) echo "noglob on" ;; esac
set +o noglob
shopt -s nullglob
case ":$BASHOPTS:" in *:nullglob:*) echo "nullglob in BASHOPTS" ;; esac
shopt -u nullglob
SHELLOPTS=x
echo "assign status $?"
test -v SHELLOPTS && echo "SHELLOPTS is set"
bash -c 'set -o errexit; export SHELLOPTS; bash -c "case \$- in *e*) echo child has e ;; esac"'
prog='case $- in *e*) echo e ;; esac; case $- in *f*) echo f ;; esac'
bash -o errexit -o noglob -c "$prog"
bash -oo errexit noglob -c "$prog"
bash +c 'echo plus c'
bash -c - 'echo dash ends options'
echo 'echo from a file' > f.sh
bash -- f.sh
bash - f.sh
bash --login -c 'echo login'
bash --help > /dev/null; echo "help status $?"
