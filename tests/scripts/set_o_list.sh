set -o errexit
set -o | grep -E '^(errexit|nounset|pipefail|xtrace) '
set +o errexit
set -o | grep errexit
