# getopts over the script s own arguments
set -- -v -o out.txt file1 file2
verbose=0 output=
while getopts vo: opt; do
  case $opt in v) verbose=1 ;; o) output=$OPTARG ;; esac
done
shift $((OPTIND - 1))
echo "verbose=$verbose output=$output rest=$*"
