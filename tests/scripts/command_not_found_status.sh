# 127 for a missing command, 126 for one that cannot run.
nosuch_command_zz 2>/dev/null; echo "missing: $?"
printf 'echo hi\n' > script_noexec.sh
./script_noexec.sh 2>/dev/null; echo "not executable: $?"
chmod +x script_noexec.sh
./script_noexec.sh; echo "executable: $?"
mkdir adir
./adir 2>/dev/null; echo "directory: $?"
"" 2>/dev/null; echo "empty name: $?"
