# source without a slash looks in PATH (sourcepath), then the current directory.
mkdir lib
echo 'echo "from PATH lib"' > lib/helper.sh
echo 'echo "from here"' > here.sh
PATH=$PWD/lib:$PATH
source helper.sh
source here.sh
. ./here.sh
