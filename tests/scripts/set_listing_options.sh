# set -o lists options; set +o prints commands that restore them.
set -o | grep -E '^(errexit|nounset|pipefail|noglob)\b'
set -e -u
set +o | grep -E 'errexit|nounset'
set +e +u
shopt -p nullglob extglob
shopt -o errexit | head -1
