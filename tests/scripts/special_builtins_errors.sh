# Errors in builtins set the status without ending a script.
cd /nonexistent_dir 2>/dev/null; echo "cd: $?"
shift 5 2>/dev/null; echo "shift: $?"
unset -x 2>/dev/null; echo "unset bad option: $?"
read -z 2>/dev/null; echo "read bad option: $?"
declare -q 2>/dev/null; echo "declare bad option: $?"
echo "still running"
