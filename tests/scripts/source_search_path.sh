# source looks a name without a slash up in $PATH before the working directory; eval and
# source take --; OPTIND starts at 1
echo "OPTIND=$OPTIND"
mkdir -p lib
echo 'echo "from PATH"' > lib/helpers.sh
echo 'echo "from here"' > helpers.sh
PATH="$PWD/lib:$PATH"
. helpers.sh
source -- ./helpers.sh
eval -- 'echo evaluated'
eval -q 'echo no' 2>/dev/null
echo "eval status $?"
