# getopts reporting errors itself
while getopts "ab:" opt -a -z -b; do
  echo "opt=$opt OPTARG=${OPTARG-unset}"
done 2>/dev/null
echo "OPTIND=$OPTIND"
