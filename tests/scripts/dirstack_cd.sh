# pushd, popd, dirs, cd -P and CDPATH
HOME=/nowhere
mkdir -p a/b c real
ln -s real link
start=$PWD
pushd a > /dev/null
pushd b > /dev/null
dirs | sed "s|$start|START|g"
pushd "$start/c" | sed "s|$start|START|g"
dirs -v | sed "s|$start|START|g"
popd | sed "s|$start|START|g"
popd > /dev/null
popd > /dev/null
popd
echo "status $?"
cd link
pwd | sed "s|$start|START|"
pwd -P | sed "s|$start|START|"
cd -P .
pwd | sed "s|$start|START|"
cd "$start"
CDPATH=$start/a
cd b | sed "s|$start|START|"
pwd | sed "s|$start|START|"
