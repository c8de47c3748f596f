# A function with a local OPTIND parses its own options; when it returns, getopts goes on
# in the caller's word where it was. Setting OPTIND starts at a word's beginning.
f() {
    typeset OPTIND=1
    typeset opt
    while getopts ":abcxyz" opt; do
        echo "opt: $opt"
        if [[ $opt = y ]]; then f -abc; fi
    done
}
f -xyz
set -- -pqr -s
getopts pqrs o; echo "$o $OPTIND"
OPTIND=1
getopts pqrs o; echo "$o $OPTIND"
getopts pqrs o; echo "$o $OPTIND"
