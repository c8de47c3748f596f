# sh and bash take -o NAME, +o NAME, -O NAME, +O NAME and --norc/--noprofile before
# their operands, as bash does; a bad option name ends them with status 2.
bash -o errexit -c 'false; echo not reached'; echo "status $?"
bash -O extglob -c 'shopt extglob'
bash +O extglob -c 'shopt extglob'; echo "status $?"
bash --norc --noprofile -c 'echo no startup files'
bash -o bogus -c 'echo not run' 2>/dev/null; echo "status $?"
bash --bogus -c 'echo not run' 2>/dev/null; echo "status $?"
bash -o pipefail -c 'false | true; echo "pipefail $?"'
bash -x -c 'echo traced' 2>&1
bash +x -c 'echo plus'
