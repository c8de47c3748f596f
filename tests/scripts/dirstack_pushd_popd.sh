# pushd, popd and dirs keep a stack of directories.
mkdir -p one two three
start=$PWD
HOME=/nowhere
pushd one > /dev/null
pushd ../two > /dev/null
pushd ../three > /dev/null
dirs | sed "s,$start,S,g"
dirs -v | sed "s,$start,S,g"
popd > /dev/null
echo "${PWD##*/}"
pushd +1 > /dev/null
echo "${PWD##*/}"
dirs -c
dirs | sed "s,$start,S,g"
popd 2>/dev/null || echo "empty stack: $?"
cd "$start"
mkdir -p a b
pushd -n a > /dev/null
pushd b > /dev/null
dirs | sed "s,$start,S,g"
pushd -1 | sed "s,$start,S,g"
popd -0 | sed "s,$start,S,g"
popd -n | sed "s,$start,S,g"
dirs +0 | sed "s,$start,S,g"
pushd +7 2>/dev/null; echo "out of range: $?"
popd -z 2>/dev/null; echo "bad number: $?"
