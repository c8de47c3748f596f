# |& sends stderr through the pipe too.
{ echo out; echo err >&2; } |& sort
ls /nonexistent_zz |& wc -l
{ echo out; echo err >&2; } 2>&1 >/dev/null | tr a-z A-Z
