# `NAME --help` shows a builtin's help and fails (not for echo, true and test, which
# take it as a word); getopts refuses options of its own, skips `--`, and keeps quiet
# when OPTERR is 0.
cd --help > /dev/null; echo "cd --help: $?"
type --help > /dev/null; echo "type --help: $?"
read --help > /dev/null; echo "read --help: $?"
echo --help
true --help; echo "true --help: $?"
test --help; echo "test --help: $?"
getopts -a opts name 2> /dev/null; echo "getopts -a: $?"
getopts -- ab opt -a; echo "getopts --: $? $opt"
complaints() { { OPTIND=1; getopts ab opt -c; } 2>&1 | wc -l; }
echo "complaints by default: $(complaints)"
for value in 0 00 x 1 2 '' ' 3'; do
  OPTERR=$value
  echo "complaints with OPTERR='$value': $(complaints)"
done
OPTERR=0
OPTIND=1
while getopts a: opt -x -a; do echo "opt=$opt OPTARG=${OPTARG-unset}"; done
