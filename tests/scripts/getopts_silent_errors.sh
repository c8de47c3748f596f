# getopts without a leading colon reports errors itself and sets opt to ?.
OPTIND=1
while getopts "ab:" opt -a -z -b 2>/dev/null; do
  echo "opt=$opt OPTARG=${OPTARG-unset}"
done
OPTIND=1
set -- -ab value rest
while getopts "ab:" opt; do echo "opt=$opt OPTARG=${OPTARG-}"; done
echo "OPTIND=$OPTIND remaining: ${*:OPTIND}"
