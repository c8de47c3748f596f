# type and command -v show a file as $PATH spells its directory; with no executable
# one, the first file of the name (not for type -a).
mkdir _tmp
touch _tmp/nonexec _tmp/date
chmod +x _tmp/date
saved=$PATH
PATH=_tmp:/bin
type -t nonexec; echo "status $?"
command -v nonexec; echo "status $?"
type nonexec
type -P nonexec
type date; command -v date; type -P date
type -a date
type -a nonexec; echo "status $?"
type -ap date
PATH=.:/bin
cd _tmp
type date; type -t cat; command -v cat
cd ..
PATH=$saved
# PIPESTATUS is set by the commands run, not by the compound commands around them.
echo "[${PIPESTATUS[@]}]"
case x in y) ;; esac; echo "[${PIPESTATUS[@]}]"
if false; then :; fi; echo "[${PIPESTATUS[@]}]"
for i in; do :; done; echo "[${PIPESTATUS[@]}]"
f() { :; }; echo "[${PIPESTATUS[@]}]"
[[ x ]]; echo "[${PIPESTATUS[@]}]"
(( 0 )); echo "[${PIPESTATUS[@]}]"
(exit 3); echo "[${PIPESTATUS[@]}]"
while false; do :; done; echo "[${PIPESTATUS[@]}]"
false; { true; false; }; echo "[${PIPESTATUS[@]}]"
false | true; g() { return 4; }; g; echo "[${PIPESTATUS[@]}]"
true | { false; }; echo "[${PIPESTATUS[@]}]"
false; ! { true; }; echo "[${PIPESTATUS[@]}]"
