false | true; echo $?
true | false; echo $?
set -o pipefail
false | true; echo $?
true | true; echo $?
exit 3 | true; echo $?
