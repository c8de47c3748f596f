{ echo o; echo e >&2; } 2>&1 >/dev/null | cat
{ echo o; echo e >&2; } >/dev/null 2>&1 | cat
echo end
