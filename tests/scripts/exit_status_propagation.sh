# Exit statuses through pipelines, lists and subshells
false | true; echo $?
true | false; echo $?
set -o pipefail
false | true; echo $?
set +o pipefail
! true; echo $?
(exit 42); echo $?
{ false; }; echo $?
