# BASH_XTRACEFD sends the trace to another descriptor, and back to stderr when unset.
exec 2>&1
exec 4>trace.out
BASH_XTRACEFD=4
set -x
echo 1
for f in a b; do echo $f; done
unset BASH_XTRACEFD
echo 2
set +x
exec 4>&-
echo trace:
cat trace.out
