# PIPESTATUS holds every stage's status; pipefail makes the pipeline fail.
true | false | true; echo "${PIPESTATUS[@]} -> $?"
(exit 3) | (exit 4); echo "${PIPESTATUS[*]}"
set -o pipefail
true | false | true; echo "pipefail: $?"
(exit 2) | true; echo "pipefail: $?"
set +o pipefail
! true | false; echo "negated: $?"
